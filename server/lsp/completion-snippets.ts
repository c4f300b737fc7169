/**
 * What completion inserts for each statement: a keyword with the shape of
 * the statement after it, as a snippet (tab stops for the parts to fill in).
 * Dates default to the document's own period; ids to the next free number.
 */
import { keywordInfo, STATUS_VALUES, type StatementKind } from '../../grammar/index.js';

export interface SnippetContext {
  /** The document's period, for timing and target dates. */
  readonly periodStart: string;
  readonly periodEnd: string;
  /** The next id for a new commitment, priority or action here. */
  readonly nextCommitmentId: string;
  readonly nextPriorityId: string;
  readonly nextActionNumber: string;
}

export interface StatementSnippet {
  readonly label: string;
  /** The keyword whose doc explains the statement. */
  readonly keyword: string;
  readonly snippet: string;
  /** Open the suggestions again after inserting (for what comes next: codes, owners). */
  readonly retrigger?: boolean;
}

/** Escapes text for a snippet body. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

export function statementSnippet(kind: StatementKind, c: SnippetContext): StatementSnippet | undefined {
  const start = snippetText(c.periodStart);
  const end = snippetText(c.periodEnd);
  switch (kind) {
    case 'strategy':
      return {
        label: 'strategy',
        keyword: 'strategy',
        snippet: `strategy "\${1:Title}" {\n  area "\${2:Area}"\n  period \${3:${start}} to \${4:${end}}\n  status \${5|${STATUS_VALUES.join(',')}|}\n  framework \${6:framework-id}\n}\n$0`,
      };
    case 'framework':
      return { label: 'framework', keyword: 'framework', snippet: `framework \${1:id} "\${2:Title}" {\n  period \${3:${start}} to \${4:${end}}\n  status \${5|${STATUS_VALUES.join(',')}|}\n}\n$0` };
    case 'frameworkRef':
      return { label: 'framework', keyword: 'framework', snippet: 'framework $0', retrigger: true };
    case 'priority':
      return { label: 'priority', keyword: 'priority', snippet: `priority \${1:${snippetText(c.nextPriorityId)}} "\${2:Title}" {\n  $0\n}` };
    case 'section':
      return { label: 'section', keyword: 'section', snippet: 'section "${1:Title}" {\n  $0\n}' };
    case 'aim':
      return { label: 'aim', keyword: 'aim', snippet: 'aim ${1:CODE} "${2:Title}" {\n  $0\n}' };
    case 'nationalAim':
      return { label: 'national aim', keyword: 'national', snippet: 'national aim $0', retrigger: true };
    case 'commitment':
      return { label: 'commitment', keyword: 'commitment', snippet: `commitment \${1:${snippetText(c.nextCommitmentId)}} "\${2:What we will do}"$0` };
    case 'action':
      return {
        label: 'action',
        keyword: 'action',
        snippet: `action \${1:${snippetText(c.nextActionNumber)}} "\${2:What will be done}" {\n  owner \${3:DEPT}\n  outcome "\${4:Expected outcome}"\n  timing by \${5:${end}}\n}`,
      };
    case 'measure':
      return { label: 'measure', keyword: 'measure', snippet: 'measure NI $0', retrigger: true };
    case 'target':
      return { label: 'target', keyword: 'target', snippet: `target \${1|increase,reduce,maintain|} \${2:tbc} by \${3:${end}}` };
    case 'outcome':
      return { label: 'outcome', keyword: 'outcome', snippet: 'outcome "${1:Expected outcome}"' };
    case 'narrative':
      return { label: 'narrative', keyword: 'narrative', snippet: 'narrative "${1:Title}" {\n  "$0"\n}' };
    case 'note':
      return { label: 'note', keyword: 'note', snippet: 'note "$0"' };
    case 'paragraph':
      return { label: '"…" paragraph', keyword: '', snippet: '"$0"' };
    case 'owner':
      return { label: 'owner', keyword: 'owner', snippet: 'owner $0', retrigger: true };
    case 'timing':
      return { label: 'timing', keyword: 'timing', snippet: `timing \${1:${start}} to \${2:${end}}` };
    case 'supports':
      return { label: 'supports action', keyword: 'supports', snippet: 'supports action $0', retrigger: true };
    case 'coverage':
      return { label: 'coverage', keyword: 'coverage', snippet: 'coverage "${1:England}"' };
    case 'area':
      return { label: 'area', keyword: 'area', snippet: 'area "$0"' };
    case 'vision':
      return { label: 'vision', keyword: 'vision', snippet: 'vision "$0"' };
    case 'period':
      return { label: 'period', keyword: 'period', snippet: `period \${1:${start}} to \${2:${end}}` };
    case 'status':
      return { label: 'status', keyword: 'status', snippet: `status \${1|${STATUS_VALUES.join(',')}|}` };
    case 'partners':
      return { label: 'partners', keyword: 'partners', snippet: 'partners {\n  "${1:Partner}" role "${2:What they do}"\n}' };
    case 'glossary':
      return { label: 'glossary', keyword: 'glossary', snippet: 'glossary {\n  ${1:TERM} "${2:What it stands for}"\n}' };
  }
}

/** The whole commitment: owner, timing, measure and target to fill in. */
export function commitmentSkeleton(c: SnippetContext): string {
  return [
    `commitment \${1:${snippetText(c.nextCommitmentId)}} "\${2:What we will do}" {`,
    '  owner "${3:Who is accountable}"',
    `  timing \${4:${snippetText(c.periodStart)}} to \${5:${snippetText(c.periodEnd)}}`,
    '  measure ${6:NI 40}',
    `  target \${7|increase,reduce,maintain|} \${8:tbc} by \${9:${snippetText(c.periodEnd)}}`,
    '}',
  ].join('\n');
}

export function keywordDoc(keyword: string): string | undefined {
  return keywordInfo(keyword)?.doc;
}
