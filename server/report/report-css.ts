/**
 * The report's one stylesheet, inline so the file works offline and as an
 * email attachment. Colours meet WCAG 2.2 AA contrast on the white page
 * (axe-core checks it in the tests); severity and state are always said in
 * words and shapes too, never by colour alone. Print: one document per page,
 * no navigation, links as plain text.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c8c8c8; --band: #f2f5f8; --accent: #1d4e6b;
  --error: #a4000f; --warning: #7a4a00; --info: #0b5394; --ok: #1e6b2e; }
* { box-sizing: border-box; }
html { background: #fff; color: var(--ink); }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; background: #fff; color: var(--ink); }
h1, h2, h3, h4, h5 { line-height: 1.25; color: var(--accent); }
h1 { font-size: 1.9rem; margin: .5rem 0; }
h2 { font-size: 1.55rem; border-bottom: 3px solid var(--accent); padding-bottom: .25rem; margin-top: 2.5rem; }
h3 { font-size: 1.25rem; margin-top: 2rem; }
h4 { font-size: 1.08rem; margin: 1.25rem 0 .5rem; }
h5 { font-size: 1rem; margin: .75rem 0 .25rem; color: var(--ink); }
a { color: #0b4f8a; }
a:focus-visible, button:focus-visible, summary:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; }
code, .place { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: .9em; }
.muted { color: var(--muted); }
.meta { margin: .25rem 0 1rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
nav ol { columns: 2 18rem; padding-left: 1.25rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--band); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; list-style: none; padding: 0; margin: .5rem 0 1rem; }
.cards li { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 8rem; }
.cards .n { display: block; font-size: 1.5rem; font-weight: 700; }
.sev { font-weight: 700; white-space: nowrap; }
.sev-error { color: var(--error); }
.sev-warning { color: var(--warning); }
.sev-info { color: var(--info); }
/* Marks said by shape as well as colour; empty alternative text, since the word follows. */
.sev-error::before { content: "✖ " / ""; }
.sev-warning::before { content: "▲ " / ""; }
.sev-info::before { content: "ℹ " / ""; }
.st-dated { color: var(--ok); } .st-dated::before { content: "✔ " / ""; }
.st-outside, .st-vague, .st-missing { color: var(--error); }
.st-outside::before { content: "! " / ""; } .st-vague::before { content: "? " / ""; } .st-missing::before { content: "✖ " / ""; }
details { margin: .5rem 0 1rem; }
summary { cursor: pointer; color: #0b4f8a; text-decoration: underline; padding: .25rem 0; }
.summary { margin: .25rem 0; }
table.index th code { display: block; font-size: .8rem; color: var(--muted); }
ul.findings { list-style: none; padding-left: 0; margin: .25rem 0 .75rem; }
ul.findings li { padding: .3rem 0 .3rem .75rem; border-left: 4px solid var(--line); margin: .25rem 0; }
ul.findings li.error { border-left-color: var(--error); }
ul.findings li.warning { border-left-color: #b36b00; border-left-style: dashed; }
ul.findings li.info { border-left-color: var(--info); border-left-style: dotted; }
.explain { margin: .1rem 0 .3rem; color: var(--muted); }
.flag { font-weight: 700; white-space: nowrap; }
tbody th { font-weight: 400; }
.flag-gap { color: var(--error); }
.flag-ok { color: var(--ok); }
tr.unanswered th, tr.unanswered td { background: #fff4f4; }
tr.aim-row th, tr.aim-row td { background: var(--band); }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); margin-top: .25rem; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; margin: .25rem 0; font-size: .9rem; }
.swatch { display: inline-block; width: 1.6rem; height: .9rem; border: 1px solid #444; vertical-align: middle; margin-right: .3rem; }
.sw-dated { background: #1d4e6b; }
.sw-outside { background: repeating-linear-gradient(45deg, #a4000f 0 3px, #fff 3px 6px); }
.sw-period { background: #e3edf5; }
.heat td.h0 { background: #fff; color: #4a4a4a; }
.heat td.h1 { background: #deebf7; color: #1b1b1b; }
.heat td.h2 { background: #9ecae1; color: #1b1b1b; }
.heat td.h3 { background: #08519c; color: #fff; font-weight: 700; }
.swatch.h0 { background: #fff; } .swatch.h1 { background: #deebf7; } .swatch.h2 { background: #9ecae1; } .swatch.h3 { background: #08519c; }
.heat td { text-align: center; min-width: 2.2rem; font-variant-numeric: tabular-nums; }
.heat th .action-title { display: block; font-size: .85rem; color: var(--muted); max-width: 28rem; }
.heat-wrap { overflow-x: auto; max-width: 100%; }
button.place { background: none; border: none; padding: 0; text-align: left; color: #0b4f8a; text-decoration: underline; cursor: pointer; font: inherit; font-family: ui-monospace, Consolas, monospace; font-size: .9em; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav, .skip, summary { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  article.document { break-before: page; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; }
  tr, li, figure { break-inside: avoid; }
  .heat-wrap { overflow: visible; }
}
@page { margin: 15mm; }
`;
