import type { Identifier, Range, Statement } from '../../grammar/index.js';
import type { Rule } from './rule.js';

interface Seen {
  readonly range: Range;
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
    const claim = (scope: string, noun: string, id: Identifier | { value: string; range: Range } | undefined): void => {
      if (!id) return;
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
    const commitmentScope = (ancestors: readonly Statement[]): string => {
      for (let i = ancestors.length - 1; i >= 0; i--) {
        if (ancestors[i]!.kind === 'priority') return `commitment@${ancestors[i]!.range.start.offset}`;
      }
      return 'commitment';
    };
    return {
      enterDocument() {
        const id = context.document.frameworkId;
        if (!id) return;
        const declared = context.workspace.frameworkDocuments(id);
        const first = declared[0];
        if (first && first.uri !== uri && context.document.header?.kind === 'framework' && context.document.header.id) {
          context.report({
            message: `Framework ${id} is also declared in ${first.uri}; framework ids must be unique across the workspace.`,
            range: context.document.header.id.range,
            related: first.header?.kind === 'framework' && first.header.id ? [{ uri: first.uri, range: first.header.id.range, message: `Framework ${id}` }] : [],
          });
        }
      },
      priority: (node) => claim('priority', 'Priority', node.id),
      aim: (node) => claim('aim', 'Aim', node.id),
      action: (node) => claim('action', 'Action', node.id),
      commitment: (node, ancestors) => claim(commitmentScope(ancestors), 'Commitment', node.id),
      glossary: (node) => node.entries.forEach((e) => claim('glossary', 'Glossary term', e.term)),
      partners: (node) => node.entries.forEach((e) => claim('partner', 'Partner', { value: `"${e.name.value}"`, range: e.name.range })),
    };
  },
};
