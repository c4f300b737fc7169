import type { Range, Statement, StrategyDocument } from '../../grammar/index.js';
import { walkStatements } from '../analysis/walk.js';
import type { Fix, Rule, RuleContext } from './rule.js';

interface Numbered {
  readonly id: { readonly value: string; readonly range: Range };
  readonly prefix: string;
  readonly number: number;
  readonly noun: string;
}

/** `3` → ('', 3); `P1.3` → ('P1.', 3); `KP-2` → ('KP-', 2). Ids without a trailing number are not numbered. */
export function splitNumber(id: string): { prefix: string; number: number } | undefined {
  // The trailing digits, found from the end (this runs for every numbered item of every document).
  let start = id.length;
  while (start > 0 && id.charCodeAt(start - 1) >= 0x30 && id.charCodeAt(start - 1) <= 0x39) start--;
  return start < id.length ? { prefix: id.slice(0, start), number: Number(id.slice(start)) } : undefined;
}

type NumberedKind = 'priority' | 'aim' | 'commitment' | 'action';

/**
 * The numbered items of a top-level statement: those numbered in the
 * document's sequences (priorities, actions, and aims or commitments outside
 * any block numbering them), in document order, and the sequences of its own
 * blocks (a priority's commitments, its aims) that skip or run backwards.
 * A block's sequence lies inside one top-level statement, so it is checked
 * here once, and what is gathered never depends on where the statement
 * stands (the language server keeps it while edits move the statement; only
 * the document's sequences are put together again after each edit).
 */
interface NumberedIn {
  readonly inDocument: Numbered[];
  readonly brokenBlockSequences: Numbered[][];
}

/** The blocks whose items are numbered as one sequence, by what is numbered (made once). */
const NO_BLOCK: readonly string[] = [];
const AIM_BLOCKS: readonly string[] = ['priority'];
const COMMITMENT_BLOCKS: readonly string[] = ['priority', 'aim'];

function numberedIn(tree: StrategyDocument, top: Statement): NumberedIn {
  const inDocument: Numbered[] = [];
  /** Each block's sequences, by what is numbered and prefix. */
  const blocks = new Map<Statement, Map<string, Numbered[]>>();
  const add = (node: Statement & { kind: NumberedKind }, ancestors: readonly Statement[], kinds: readonly string[]): void => {
    const id = node.id;
    const split = id ? splitNumber(id.value) : undefined;
    if (!id || !split) return;
    const n: Numbered = { id: { value: id.value, range: id.range }, prefix: split.prefix, number: split.number, noun: node.kind };
    let block: Statement | undefined;
    for (let i = ancestors.length - 1; i >= 0 && !block; i--) if (kinds.includes(ancestors[i]!.kind)) block = ancestors[i];
    if (!block) return void inDocument.push(n);
    let sequences = blocks.get(block);
    if (!sequences) blocks.set(block, (sequences = new Map()));
    const key = `${n.noun}|${n.prefix}`;
    const sequence = sequences.get(key);
    if (sequence) sequence.push(n);
    else sequences.set(key, [n]);
  };
  walkStatements({ ...tree, items: [top] }, (node, ancestors) => {
    switch (node.kind) {
      case 'priority':
      case 'action':
        return add(node, ancestors, NO_BLOCK);
      case 'aim':
        return add(node, ancestors, AIM_BLOCKS);
      case 'commitment':
        return add(node, ancestors, COMMITMENT_BLOCKS);
      default:
        return;
    }
  });
  const brokenBlockSequences: Numbered[][] = [];
  for (const sequences of blocks.values()) for (const sequence of sequences.values()) if (isBroken(sequence)) brokenBlockSequences.push(sequence);
  return { inDocument, brokenBlockSequences };
}

/** Whether a sequence skips a number or runs backwards somewhere (a repeated number is `duplicate-id`'s). */
function isBroken(sequence: readonly Numbered[]): boolean {
  for (let i = 1; i < sequence.length; i++) {
    const step = sequence[i]!.number - sequence[i - 1]!.number;
    if (step !== 1 && step !== 0) return true;
  }
  return false;
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
    /** The document's sequences, by what is numbered and prefix. */
    const sequences = new Map<string, Numbered[]>();
    return {
      enterDocument(tree) {
        // What each top-level statement holds (kept per statement by the server, see `perStatement`), in document order.
        for (const top of tree.items) {
          const numbered = context.perStatement ? context.perStatement(top, () => numberedIn(tree, top)) : numberedIn(tree, top);
          for (const n of numbered.inDocument) {
            const key = `${n.noun}|${n.prefix}`;
            const list = sequences.get(key);
            if (list) list.push(n);
            else sequences.set(key, [n]);
          }
          for (const sequence of numbered.brokenBlockSequences) checkSequence(context, sequence);
        }
      },
      exitDocument() {
        for (const sequence of sequences.values()) checkSequence(context, sequence);
      },
    };
  },
};
