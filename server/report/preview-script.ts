/**
 * The editor preview's only script, inline under the page's nonce: clicking
 * a `file:line` button asks the extension to reveal that line, and the
 * extension's updates replace the report in place (keeping the scroll
 * position) as the author types. Plain ES2020, no dependencies.
 */
export const PREVIEW_SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (!target) return;
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', file: target.getAttribute('data-file'), line: Number(target.getAttribute('data-line')), column: Number(target.getAttribute('data-column')) });
  });
  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.body !== 'string') return;
    const report = document.getElementById('report');
    if (!report) return;
    const y = window.scrollY;
    report.innerHTML = message.body;
    window.scrollTo(0, y);
  });
  vscode.postMessage({ type: 'ready' });
})();`;
