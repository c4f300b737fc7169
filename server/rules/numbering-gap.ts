import type { Identifier, Statement } from '../../grammar/index.js';
import type { Fix, Rule, RuleContext } from './rule.js';

interface Numbered {
  readonly id: Identifier;
  readonly prefix: string;
  readonly number: number;
  readonly noun: string;
}

/** `3` → ('', 3); `P1.3` → ('P1.', 3); `KP-2` → ('KP-', 2). Ids without a trailing number are not numbered. */
export function splitNumber(id: string): { prefix: string; number: number } | undefined {
  const m = /^(.*?)(\d+)$/.exec(id);
  return m ? { prefix: m[1]!, number: Number(m[2]) } : undefined;
}

function numbered(node: Statement): Numbered | undefined {
  if (!('id' in node) || !node.id) return undefined;
  if (!['priority', 'aim', 'commitment', 'action'].includes(node.kind)) return undefined;
  const split = splitNumber(node.id.value);
  return split ? { id: node.id, ...split, noun: node.kind } : undefined;
}

function renumberFix(sequence: readonly Numbered[]): Fix {
  const start = sequence[0]!.number;
  return {
    title: `Renumber ${plural(sequence[0]!.noun)} ${sequence.map((s) => s.id.value).join(', ')} in order`,
    edits: sequence
      .map((s, i) => ({ s, wanted: `${s.prefix}${start + i}` }))
      .filter(({ s, wanted }) => s.id.value !== wanted)
      .map(({ s, wanted }) => ({ range: s.id.range, newText: wanted })),
  };
}

function checkSequence(context: RuleContext, sequence: readonly Numbered[]): void {
  for (let i = 1; i < sequence.length; i++) {
    const previous = sequence[i - 1]!;
    const current = sequence[i]!;
    if (current.number === previous.number + 1 || current.number === previous.number) continue;
    const what = current.noun;
    const message =
      current.number > previous.number
        ? `${cap(what)} ${current.id.value} follows ${what} ${previous.id.value}: ${
            current.number - previous.number === 2
              ? `${what} ${previous.prefix}${previous.number + 1} is missing`
              : `${plural(what)} ${previous.prefix}${previous.number + 1}–${previous.prefix}${current.number - 1} are missing`
          }.`
        : `${cap(what)} ${current.id.value} follows ${what} ${previous.id.value}: the numbers run backwards.`;
    context.report({ message, range: current.id.range, suggestions: [renumberFix(sequence)] });
  }
}

function plural(noun: string): string {
  return noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Numbered siblings of one kind form a sequence per prefix: the commitments
 * of a priority (sections included, as their numbering runs on), the
 * priorities of a file, the aims of a priority, the actions of a framework.
 */
export const numberingGap: Rule = {
  meta: {
    id: 'numbering-gap',
    defaultSeverity: 'warning',
    description: 'Numbered items skip a number or run backwards (COMMITMENT 1, then COMMITMENT 3).',
    fixable: false,
    docs: {
      why: 'A gap in numbering (COMMITMENT 1, then COMMITMENT 3) usually means something was deleted or lost in editing, and readers will ask where the missing one went.',
      howToFix: 'Restore the missing item, or renumber (the editor\'s quick fix renumbers the sequence in order).',
      bad: 'commitment 1 "…"\ncommitment 3 "…"',
      good: 'commitment 1 "…"\ncommitment 2 "…"',
    },
  },
  create(context) {
    const sequences = new Map<string, Numbered[]>();
    const add = (scope: string, node: Statement): void => {
      const n = numbered(node);
      if (!n) return;
      const key = `${scope}|${n.noun}|${n.prefix}`;
      const list = sequences.get(key) ?? [];
      list.push(n);
      sequences.set(key, list);
    };
    const scopeOf = (ancestors: readonly Statement[], kinds: readonly string[]): string => {
      const a = [...ancestors].reverse().find((x) => kinds.includes(x.kind));
      return a ? String(a.range.start.offset) : 'document';
    };
    return {
      priority: (node, ancestors) => add(scopeOf(ancestors, []), node),
      aim: (node, ancestors) => add(scopeOf(ancestors, ['priority']), node),
      commitment: (node, ancestors) => add(scopeOf(ancestors, ['priority', 'aim']), node),
      action: (node) => add('document', node),
      exitDocument() {
        for (const sequence of sequences.values()) checkSequence(context, sequence);
      },
    };
  },
};
