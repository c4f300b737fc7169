/** GitHub Actions workflow commands: one annotation per finding. */
import type { FileResult } from '../lint-result.js';
import type { Formatter } from './index.js';

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubFormatter(): Formatter<string> {
  return { part: file, join: () => ({ add: (text) => text, end: () => '' }) };
}

function file(r: FileResult): string {
  let out = '';
  for (const f of r.findings) {
    const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
    const props = [
      `file=${escapeProperty(r.display)}`,
      `line=${f.range.start.line + 1}`,
      `endLine=${f.range.end.line + 1}`,
      `col=${f.range.start.character + 1}`,
      `endColumn=${f.range.end.character + 1}`,
      `title=${escapeProperty(`strategy(${f.ruleId})`)}`,
    ];
    out += `::${command} ${props.join(',')}::${escapeData(f.message)}\n`;
  }
  return out;
}
