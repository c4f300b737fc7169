import type { Range, Statement, StrategyDocument } from '../../grammar/index.js';
import { walkStatements } from '../analysis/walk.js';
import type { Rule } from './rule.js';

interface Seen {
  readonly range: Range;
}

/** An id declared where ids must be unique: `scope` names the table (`priority`, `glossary`…). */
interface Claim {
  readonly scope: string;
  readonly noun: string;
  readonly value: string;
  readonly range: Range;
}

/**
 * What a top-level statement declares, in document order: ids whose table is
 * the document's (`claim`), and commitments declared twice within one of its
 * priorities (`repeated`, with the first). A priority's commitments are all
 * inside one top-level statement, so they are checked here once, and what is
 * gathered never depends on where the statement stands (the language server
 * keeps it while edits move the statement, and only the document's tables
 * are filled again after each edit).
 */
type Declared = { readonly claim: Claim } | { readonly repeated: Claim; readonly first: Seen };

function declaredIn(tree: StrategyDocument, top: Statement): Declared[] {
  const out: Declared[] = [];
  /** The commitments of each priority, by id. */
  const perPriority = new Map<Statement, Map<string, Seen>>();
  const add = (scope: string, noun: string, id: { value: string; range: Range } | undefined): void => {
    if (id) out.push({ claim: { scope, noun, value: id.value, range: id.range } });
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
        const id = node.id;
        if (!id) return;
        let table = perPriority.get(priority);
        if (!table) perPriority.set(priority, (table = new Map()));
        const first = table.get(id.value);
        if (first) out.push({ repeated: { scope: 'commitment', noun: 'Commitment', value: id.value, range: id.range }, first });
        else table.set(id.value, { range: id.range });
        return;
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
      let table = scopes.get(scope);
      if (!table) scopes.set(scope, (table = new Map<string, Seen>()));
      const first = table.get(id.value);
      if (!first) {
        table.set(id.value, { range: id.range });
        return;
      }
      twice(noun, id, first);
    };
    const twice = (noun: string, id: { value: string; range: Range }, first: Seen): void => {
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
        for (const top of tree.items) {
          const ids = context.perStatement ? context.perStatement(top, () => declaredIn(tree, top)) : declaredIn(tree, top);
          for (const d of ids) {
            if ('claim' in d) claim(d.claim.scope, d.claim.noun, d.claim);
            else twice(d.repeated.noun, d.repeated, d.first);
          }
        }
      },
    };
  },
};
