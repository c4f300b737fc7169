import type { Range, Statement, StrategyDocument } from '../../grammar/index.js';
import { walkStatements } from '../analysis/walk.js';
import type { Rule } from './rule.js';

interface Seen {
  readonly range: Range;
}

/**
 * An id a top-level statement declares, in document order. `scope` is a
 * table of ids (`priority`, `glossary`…); where it is one priority's
 * commitments, `within` numbers that priority inside the top-level
 * statement, so that what is gathered from a statement never depends on
 * where the statement stands (the language server keeps it while edits
 * move the statement).
 */
interface Claim {
  readonly scope: string;
  readonly within?: number;
  readonly noun: string;
  readonly value: string;
  readonly range: Range;
}

function claimsIn(tree: StrategyDocument, top: Statement): Claim[] {
  const out: Claim[] = [];
  const priorities = new Map<Statement, number>();
  const add = (scope: string, noun: string, id: { value: string; range: Range } | undefined, within?: number): void => {
    if (!id) return;
    // Two literals rather than a spread: this runs for every id of every document.
    out.push(within === undefined ? { scope, noun, value: id.value, range: id.range } : { scope, within, noun, value: id.value, range: id.range });
  };
  walkStatements({ ...tree, items: [top] }, (node, ancestors) => {
    switch (node.kind) {
      case 'priority':
        return add('priority', 'Priority', node.id);
      case 'aim':
        return add('aim', 'Aim', node.id);
      case 'action':
        return add('action', 'Action', node.id);
      case 'commitment': {
        // Commitment ids are unique within their priority (the nearest one around them).
        let priority: Statement | undefined;
        for (let i = ancestors.length - 1; i >= 0 && !priority; i--) if (ancestors[i]!.kind === 'priority') priority = ancestors[i];
        if (!priority) return add('commitment', 'Commitment', node.id);
        if (!priorities.has(priority)) priorities.set(priority, priorities.size);
        return add('commitment', 'Commitment', node.id, priorities.get(priority));
      }
      case 'glossary':
        return node.entries.forEach((e) => add('glossary', 'Glossary term', e.term));
      case 'partners':
        return node.entries.forEach((e) => add('partner', 'Partner', { value: `"${e.name.value}"`, range: e.name.range }));
      default:
        return;
    }
  });
  return out;
}

export const duplicateId: Rule = {
  meta: {
    id: 'duplicate-id',
    defaultSeverity: 'error',
    description: 'Two things share an id where each must be unique: priorities, aims, actions, commitments of one priority, glossary terms, frameworks.',
    fixable: false,
    docs: {
      why: 'Two things with one id make references ambiguous: which commitment 3 supports action 20?',
      howToFix: 'Renumber or rename one of them. Commitment ids need only be unique within their priority; priorities, aims, actions, glossary terms and partners within the file; framework ids across the workspace.',
      bad: 'commitment 3 "…"\ncommitment 3 "…"',
      good: 'commitment 3 "…"\ncommitment 4 "…"',
    },
  },
  create(context) {
    const scopes = new Map<string, Map<string, Seen>>();
    const uri = context.document.uri;
    const claim = (scope: string, noun: string, id: { value: string; range: Range }): void => {
      const table = scopes.get(scope) ?? new Map<string, Seen>();
      scopes.set(scope, table);
      const first = table.get(id.value);
      if (!first) {
        table.set(id.value, { range: id.range });
        return;
      }
      context.report({
        message: `${noun} ${id.value} is declared twice; the first is on line ${first.range.start.line + 1}.`,
        range: id.range,
        related: [{ uri, range: first.range, message: `First ${noun.toLowerCase()} ${id.value}` }],
      });
    };
    return {
      enterDocument(tree) {
        const id = context.document.frameworkId;
        const declared = id ? context.workspace.frameworkDocuments(id) : [];
        const first = declared[0];
        if (id && first && first.uri !== uri && context.document.header?.kind === 'framework' && context.document.header.id) {
          context.report({
            message: `Framework ${id} is also declared in ${first.uri}; framework ids must be unique across the workspace.`,
            range: context.document.header.id.range,
            related: first.header?.kind === 'framework' && first.header.id ? [{ uri: first.uri, range: first.header.id.range, message: `Framework ${id}` }] : [],
          });
        }
        // The ids each top-level statement declares (kept per statement by the server, see `perStatement`), in document order.
        tree.items.forEach((top, index) => {
          const claims = context.perStatement ? context.perStatement(top, () => claimsIn(tree, top)) : claimsIn(tree, top);
          for (const c of claims) claim(c.within === undefined ? c.scope : `${c.scope}@${index}.${c.within}`, c.noun, c);
        });
      },
    };
  },
};
