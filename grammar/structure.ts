/**
 * Which statement may stand where. The grammar accepts any statement in any
 * block (so that recovery is simple and nothing is lost); this pass then
 * explains misplaced ones in words an author understands.
 */
import type * as A from './ast.js';
import { isContainer } from './ast.js';
import type { BuildProblem } from './cst-to-ast.js';

/** The kinds of block a statement can stand in. */
export type BlockKind = 'document' | A.ContainerStatement['kind'];
type ParentKind = BlockKind;

const BODY: ReadonlySet<A.StatementKind> = new Set<A.StatementKind>([
  'aim', 'nationalAim', 'commitment', 'action', 'measure', 'target', 'outcome', 'narrative', 'note', 'paragraph',
  'owner', 'timing', 'supports', 'coverage',
]);

const ALLOWED: Record<ParentKind, ReadonlySet<A.StatementKind>> = {
  document: new Set<A.StatementKind>([
    'strategy', 'framework', 'priority', 'section', 'aim', 'nationalAim', 'commitment', 'action', 'measure', 'target',
    'outcome', 'narrative', 'note', 'paragraph', 'partners', 'glossary',
  ]),
  strategy: new Set<A.StatementKind>(['area', 'period', 'status', 'frameworkRef', 'owner', 'vision', 'note', 'paragraph']),
  framework: new Set<A.StatementKind>(['area', 'period', 'status', 'owner', 'vision', 'note', 'paragraph']),
  priority: new Set<A.StatementKind>([...BODY, 'section']),
  section: BODY,
  aim: BODY,
  outcome: BODY,
  commitment: new Set<A.StatementKind>(['owner', 'timing', 'supports', 'target', 'measure', 'outcome', 'coverage', 'note', 'paragraph', 'nationalAim']),
  action: new Set<A.StatementKind>(['owner', 'timing', 'target', 'measure', 'outcome', 'coverage', 'note', 'paragraph']),
  measure: new Set<A.StatementKind>(['target', 'note', 'owner', 'timing', 'paragraph']),
  narrative: new Set<A.StatementKind>(['paragraph', 'narrative', 'note']),
};

const WORD: Record<A.StatementKind, string> = {
  strategy: '`strategy`', framework: '`framework`', priority: '`priority`', section: '`section`', aim: '`aim`',
  nationalAim: '`national aim`', commitment: '`commitment`', action: '`action`', measure: '`measure`', target: '`target`',
  outcome: '`outcome`', narrative: '`narrative`', note: '`note`', paragraph: 'text in quotes', owner: '`owner`',
  timing: '`timing`', supports: '`supports`', coverage: '`coverage`', area: '`area`', period: '`period`',
  status: '`status`', frameworkRef: '`framework`', partners: '`partners`', glossary: '`glossary`', vision: '`vision`',
};

const PARENT_WORD: Record<ParentKind, string> = {
  document: 'the top level of the file', strategy: 'the strategy header', framework: 'the framework header',
  priority: 'a priority', section: 'a section', aim: 'an aim', outcome: 'an outcome', commitment: 'a commitment',
  action: 'an action', measure: 'a measure', narrative: 'a narrative',
};

function hint(kind: A.StatementKind, parent: ParentKind, documentKind: 'strategy' | 'framework' | undefined): string {
  if (kind === 'action' && documentKind === 'strategy') {
    return ' National actions are declared in a framework; link a commitment to one with `supports action N`.';
  }
  if (kind === 'frameworkRef') return ' Name the framework inside the strategy header: `strategy "…" { framework drugs-2008 }`.';
  if (['area', 'period', 'status', 'vision'].includes(kind)) return ' It belongs in the `strategy` or `framework` header block.';
  if (kind === 'priority') return ' Priorities stand at the top level of the file.';
  if (parent === 'narrative') return ' A narrative holds only paragraphs in quotes, notes and nested narratives.';
  if (['commitment', 'action', 'measure'].includes(parent) && ALLOWED.priority.has(kind)) {
    return ` Is a \`}\` missing to close the ${parent} above?`;
  }
  return '';
}

function problem(node: A.Statement, message: string): BuildProblem {
  return { message, range: node.keywordRange };
}

/**
 * The statements that may stand in a block of `block` in a file of
 * `documentKind`: the same table `checkStructure` enforces, for completion.
 */
export function statementsAllowedIn(block: BlockKind, documentKind: 'strategy' | 'framework' | undefined): ReadonlySet<A.StatementKind> {
  if ((block === 'strategy' && documentKind === 'framework') || (block === 'framework' && documentKind === 'strategy')) return new Set();
  const allowed = new Set(ALLOWED[block]);
  if (documentKind !== 'framework') allowed.delete('action');
  if (documentKind === 'framework') allowed.delete('supports');
  if (block === 'document' && documentKind !== undefined) {
    // A file has one header: once it is a strategy or a framework, no other header may follow.
    allowed.delete('strategy');
    allowed.delete('framework');
  }
  return allowed;
}

export function documentKindOf(doc: A.StrategyDocument): 'strategy' | 'framework' | undefined {
  for (const s of doc.items) if (s.kind === 'strategy' || s.kind === 'framework') return s.kind;
  return undefined;
}

/** `documentKind`: the file's, when `doc` holds only some of its statements (a reparsed part, judged by the file's header). */
export function checkStructure(doc: A.StrategyDocument, documentKind = documentKindOf(doc)): BuildProblem[] {
  const check = new StructureCheck();
  // Each block below the top level, as the builder checks them (`finish` checks the top level).
  const visit = (items: readonly A.Statement[]): void => {
    // Indexed: an iterator's results were garbage per statement (measured).
    for (let i = 0; i < items.length; i++) {
      const s = items[i]!;
      if (isContainer(s) && s.items.length > 0) {
        check.block(s.items, s.kind);
        visit(s.items);
      }
    }
  };
  visit(doc.items);
  return check.finish(doc.items, documentKind);
}

/**
 * `checkStructure`'s checks, made as the tree is built: each block's
 * statements are checked when the statement holding them is built (while
 * they are fresh in the cache), which spares the parse a second walk of the
 * tree. What depends on the file's kind (`action`, `supports`) waits for
 * `finish`, as a header may come after them. The problems are the same as
 * `checkStructure`'s, each statement's in the same order; only the order
 * between statements differs, which the parse's sort by offset undoes
 * (no two statements start at the same offset).
 */
export class StructureCheck {
  private readonly problems: BuildProblem[] = [];
  /** Statements whose problems depend on the file's kind, with the kind of block they stand in. */
  private readonly waiting: { readonly s: A.Statement; readonly parent: ParentKind }[] = [];

  /** Checks the statements of one block of `parent`. */
  block(items: readonly A.Statement[], parent: ParentKind): void {
    const allowed = ALLOWED[parent];
    for (let i = 0; i < items.length; i++) {
      const s = items[i]!;
      const kind = s.kind;
      if (kind === 'action' || kind === 'supports') this.waiting.push({ s, parent });
      else if (!allowed.has(kind)) {
        this.problems.push(problem(s, `${capitalise(WORD[kind])} cannot stand in ${PARENT_WORD[parent]}.${hint(kind, parent, undefined)}`));
      }
      if (kind === 'target' && !s.direction && !s.value && !s.indicator && !s.baseline && !s.deadline && !s.words) {
        this.problems.push(problem(s, 'This target says nothing: give a direction, a value, an indicator or words in quotes, or write `target tbc` while it is undecided.'));
      }
    }
  }

  /** The problems, once every block but the top level is checked: `items` are the top level's statements. */
  finish(items: readonly A.Statement[], documentKind: 'strategy' | 'framework' | undefined): BuildProblem[] {
    this.block(items, 'document');
    const problems = this.problems;
    let headers = 0;
    for (let i = 0; i < items.length; i++) {
      const s = items[i]!;
      if ((s.kind === 'strategy' || s.kind === 'framework') && headers++ > 0) {
        problems.push(problem(s, `A file declares one strategy or one framework; this ${WORD[s.kind]} is a second one. Put it in a file of its own.`));
      }
    }
    for (const { s, parent } of this.waiting) {
      const kind = s.kind;
      if (!ALLOWED[parent].has(kind)) {
        problems.push(problem(s, `${capitalise(WORD[kind])} cannot stand in ${PARENT_WORD[parent]}.${hint(kind, parent, documentKind)}`));
      } else if (kind === 'action' && documentKind !== 'framework') {
        problems.push(problem(s, `\`action\` declares a national action, which only a framework file can do.${hint(kind, parent, documentKind)}`));
      } else if (kind === 'supports' && documentKind === 'framework') {
        problems.push(problem(s, '`supports` links a local strategy to its framework; a framework file cannot use it.'));
      }
    }
    return problems;
  }
}

function capitalise(s: string): string {
  return s.startsWith('`') ? s : s.charAt(0).toUpperCase() + s.slice(1);
}
