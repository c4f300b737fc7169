/**
 * The Strategy grammar as a Chevrotain CST parser. Pure grammar: no actions,
 * no tree building (that is `cst-to-ast.ts`). One instance is created at load
 * and reused for every parse, as Chevrotain's performance guide asks.
 *
 * The parse tree it outputs is not Chevrotain's CST but a lighter one
 * (`ParseNode`): Chevrotain's CST keeps each node's children in a dictionary
 * of arrays keyed by label and a location record updated on every token,
 * which was most of the parse's garbage and made the tree builder sort the
 * statements back into source order. The parser's CST hooks are overridden to
 * keep children in source order, each with its label, and the location as
 * the first and last tokens; recovery is Chevrotain's own, untouched
 * (partial nodes included), so the tree is the one the CST described.
 *
 * Every statement starts with a keyword (or is a quoted paragraph), so error
 * recovery can always re-synchronise on the next statement. Children carry
 * labels (`id`, `title`, `value`…) so the tree builder reads them by meaning,
 * and token categories (IdToken, OwnerToken…) stand in for tiny sub-rules:
 * fewer CST nodes is most of the parser's speed.
 */
import { CstParser, tokenMatcher, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens,
  Comma,
  DateLiteral,
  DirectionToken,
  IdToken,
  IndicatorCode,
  keywordTokens as K,
  LCurly,
  NumberLiteral,
  OwnerToken,
  Percent,
  QuantityToken,
  RCurly,
  Slash,
  StatusToken,
  StrayToken,
  StringLiteral,
  TermToken,
} from './tokens.js';
import { friendlyErrorMessages } from './error-messages.js';
import type { Statement } from './ast.js';

/**
 * The options of labelled CONSUMEs, made once: an object literal at each call
 * site would be made on every token consumed.
 */
const L = {
  baseline: { LABEL: 'baseline' },
  baselinePercent: { LABEL: 'baselinePercent' },
  direction: { LABEL: 'direction' },
  id: { LABEL: 'id' },
  indicator: { LABEL: 'indicator' },
  keyword: { LABEL: 'keyword' },
  keywordEnd: { LABEL: 'keywordEnd' },
  meaning: { LABEL: 'meaning' },
  name: { LABEL: 'name' },
  ref: { LABEL: 'ref' },
  role: { LABEL: 'role' },
  stray: { LABEL: 'stray' },
  strayClose: { LABEL: 'strayClose' },
  term: { LABEL: 'term' },
  text: { LABEL: 'text' },
  title: { LABEL: 'title' },
  value: { LABEL: 'value' },
  valuePercent: { LABEL: 'valuePercent' },
  words: { LABEL: 'words' },
} as const;

/** Where a node's location starts before it has consumed a token (Chevrotain's initial location). */
const NO_LOCATION: IToken = Object.freeze({
  image: '',
  startOffset: -1,
  startLine: -1,
  startColumn: -1,
  endOffset: -1,
  endLine: -1,
  endColumn: -1,
  tokenType: RCurly,
  tokenTypeIdx: -1,
});

/**
 * One rule's node: what it consumed, tokens and sub-rule nodes, in source
 * order, each under its label (the LABEL given, or else the token type's or
 * rule's name). A statement's node is handed to the tree builder as soon as
 * it is complete, and its parent keeps the typed statement instead (or
 * undefined when nothing usable parsed), so the parse nodes of a document
 * never all live at once: once built, a statement's node and the nodes under
 * it are used again for the statements after it (`NodePool`).
 */
export interface ParseNode {
  name: string;
  /**
   * Label and child in turn (`items[2k]` the label of `items[2k + 1]`): one
   * array per node, not two, as every rule invocation makes a node. Only the
   * first `size` entries are this node's: a node used again keeps its
   * array's capacity, and what lies past `size` is from its earlier use.
   */
  readonly items: (string | IToken | ParseNode | Statement | undefined)[];
  size: number;
  /**
   * The node's location as Chevrotain's full location tracking (with
   * recovery) computes it: the start of the first token or node consumed,
   * the end of the one that ends last; `startOffset` -1 if it consumed
   * nothing, NaN if it started with a token made up in recovery.
   */
  start: IToken;
  end: IToken;
  recoveredNode: boolean;
  /** Where the node stands in its parse's `NodePool`. */
  readonly index: number;
}

/**
 * Parse nodes to be used again, for one call of `parseTokens`. Nodes are
 * taken in the order rules are invoked, so every node taken after a
 * statement's own is one of its descendants; once the builder has made the
 * typed statement (the tree keeps tokens' ranges and text, never a node),
 * they and its own are dead, and the next rule takes them again from there.
 * A parse then makes about as many nodes as rules nest, not one per rule
 * invoked, and their arrays no longer regrow (the nodes were most of the
 * recognition's garbage, measured). The pool is dropped with the parse, so
 * no node holds on to a document after it.
 */
class NodePool {
  private readonly nodes: ParseNode[] = [];
  /** How many of `nodes` are in use (the others are free). */
  private used = 0;

  take(name: string): ParseNode {
    const index = this.used++;
    const node = this.nodes[index];
    if (node === undefined) {
      const made: ParseNode = { name, items: [], size: 0, start: NO_LOCATION, end: NO_LOCATION, recoveredNode: false, index };
      this.nodes.push(made);
      return made;
    }
    node.name = name;
    node.size = 0;
    node.start = NO_LOCATION;
    node.end = NO_LOCATION;
    node.recoveredNode = false;
    return node;
  }

  /** `node`, built, and every node taken after it (its descendants), all dead now. */
  release(node: ParseNode): void {
    this.used = node.index;
  }
}

/** Builds a typed statement from its complete parse node (`cst-to-ast.ts`). */
export interface StatementBuilder {
  statement(n: ParseNode): Statement | undefined;
}

/** Rule names of statements: their nodes go to the builder once complete. */
export const STATEMENT_RULES: ReadonlySet<string> = new Set([
  'strategyDecl', 'frameworkStmt', 'priorityDecl', 'sectionDecl', 'aimDecl', 'nationalAimRef', 'commitmentDecl', 'actionDecl',
  'measureDecl', 'targetStmt', 'outcomeDecl', 'narrativeDecl', 'noteStmt', 'ownerStmt', 'timingStmt', 'supportsStmt',
  'coverageStmt', 'areaStmt', 'visionStmt', 'periodStmt', 'statusStmt', 'partnersDecl', 'glossaryDecl', 'paragraph',
]);

class StrategyParser extends CstParser {
  /** Chevrotain's stack of nodes under construction (a field its typings do not declare). */
  declare private CST_STACK: ParseNode[];
  /** Chevrotain's token vector and the index of the last token consumed (fields its typings do not declare). */
  declare private tokVector: IToken[];
  declare private currIdx: number;
  /** The builder of the parse under way. */
  builder: StatementBuilder | undefined;
  /** The nodes of the parse under way (one per call of `parseTokens`). */
  pool = new NodePool();
  /**
   * Whether the parse under way may clear the token vector behind it
   * (`parseTokens`'s `releaseConsumed`), and up to where it has.
   */
  releaseConsumed = false;
  releasedTo = 0;

  /**
   * `validate`: whether Chevrotain checks the grammar (ambiguities, left
   * recursion, duplicate occurrences) while it analyses it. The checks are a
   * third of the grammar's construction, paid by every `strategy` command at
   * start; the grammar is the same on every run, so `validateGrammar` checks
   * it in the tests and the parser every run uses skips them, as
   * Chevrotain's documentation advises for production.
   */
  constructor(validate = false) {
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      nodeLocationTracking: 'full',
      errorMessageProvider: friendlyErrorMessages,
      skipValidations: !validate,
    });
    this.performSelfAnalysis();
  }

  private statementAlternatives: IOrAlt<unknown>[] | undefined;
  /** Each OR's alternatives, made on its first call (the recording at load) instead of on every call, as Chevrotain's performance guide advises. */
  private readonly alternatives: IOrAlt<unknown>[][] = [];
  /**
   * Each OPTION's, MANY's and AT_LEAST_ONE's action, made once in the same
   * way: a closure made on every call was most of the recognition's
   * remaining garbage (a few per statement).
   */
  private readonly actions: (() => unknown)[] = [];

  // Chevrotain's CST hooks (methods its typings do not declare), building ParseNodes instead of CstNodes.
  cstInvocationStateUpdate(fullRuleName: string): void {
    this.CST_STACK.push(this.pool.take(fullRuleName));
  }

  cstPostTerminal(key: string, consumedToken: IToken): void {
    const node = this.CST_STACK[this.CST_STACK.length - 1]!;
    node.items[node.size++] = key;
    node.items[node.size++] = consumedToken;
    extendLocation(node, consumedToken, consumedToken);
  }

  /** Called once the sub-rule's node is complete (also a partial one, when recovery gave up inside it). */
  cstPostNonTerminal(ruleResult: ParseNode, ruleName: string): void {
    const node = this.CST_STACK[this.CST_STACK.length - 1]!;
    extendLocation(node, ruleResult.start, ruleResult.end);
    node.items[node.size++] = ruleName;
    if (this.builder !== undefined && STATEMENT_RULES.has(ruleName)) {
      node.items[node.size++] = this.builder.statement(ruleResult);
      // Built: the statement's nodes serve the statements after it.
      this.pool.release(ruleResult);
      if (this.releaseConsumed && this.CST_STACK.length === 1) this.releaseTokensBehind();
    } else node.items[node.size++] = ruleResult;
  }

  /**
   * After a top-level statement is built, the tokens before the last two
   * consumed are read by nothing: Chevrotain looks ahead, and back only at
   * the last token consumed (`LA(0)`, for its messages), and what the tree
   * and the problems keep of a token they hold themselves. Cleared from the
   * vector, they die young instead of being copied by every scavenge of
   * the parse and then promoted (the parse's tokens were a third of what
   * survived its scavenges; measured).
   */
  private releaseTokensBehind(): void {
    const tokens = this.tokVector;
    const to = this.currIdx - 1;
    for (let i = this.releasedTo; i < to; i++) tokens[i] = undefined as unknown as IToken;
    if (to > this.releasedTo) this.releasedTo = to;
  }

  /**
   * A missing `{` is not made up in recovery: an invented block would take in
   * every statement after it, and a run of `section "…"` lines without braces
   * would nest one level per line until the stack runs out.
   */
  override canTokenTypeBeInsertedInRecovery(tokType: TokenType): boolean {
    return tokType !== LCurly;
  }

  /**
   * Chevrotain's test for single-token insertion (a hook its typings do not
   * declare), less the stray-token category (every stray token may follow a
   * statement), and counting that would make up a missing title before every
   * one instead of deleting the token that stands in the title's place.
   */
  canRecoverWithSingleTokenInsertion(expectedTokType: TokenType, follows: readonly TokenType[]): boolean {
    if (!this.canTokenTypeBeInsertedInRecovery(expectedTokType)) return false;
    const next = this.LA(1);
    return follows.some((f) => f !== StrayToken && tokenMatcher(next, f));
  }

  /** One statement; shared by the document and every block (not a rule, so no extra tree node). */
  private statement(): void {
    this.OR(
      (this.statementAlternatives ??= [
        { ALT: () => this.SUBRULE(this.strategyDecl) },
        { ALT: () => this.SUBRULE(this.frameworkStmt) },
        { ALT: () => this.SUBRULE(this.priorityDecl) },
        { ALT: () => this.SUBRULE(this.sectionDecl) },
        { ALT: () => this.SUBRULE(this.aimDecl) },
        { ALT: () => this.SUBRULE(this.nationalAimRef) },
        { ALT: () => this.SUBRULE(this.commitmentDecl) },
        { ALT: () => this.SUBRULE(this.actionDecl) },
        { ALT: () => this.SUBRULE(this.measureDecl) },
        { ALT: () => this.SUBRULE(this.targetStmt) },
        { ALT: () => this.SUBRULE(this.outcomeDecl) },
        { ALT: () => this.SUBRULE(this.narrativeDecl) },
        { ALT: () => this.SUBRULE(this.noteStmt) },
        { ALT: () => this.SUBRULE(this.ownerStmt) },
        { ALT: () => this.SUBRULE(this.timingStmt) },
        { ALT: () => this.SUBRULE(this.supportsStmt) },
        { ALT: () => this.SUBRULE(this.coverageStmt) },
        { ALT: () => this.SUBRULE(this.areaStmt) },
        { ALT: () => this.SUBRULE(this.visionStmt) },
        { ALT: () => this.SUBRULE(this.periodStmt) },
        { ALT: () => this.SUBRULE(this.statusStmt) },
        { ALT: () => this.SUBRULE(this.partnersDecl) },
        { ALT: () => this.SUBRULE(this.glossaryDecl) },
        { ALT: () => this.SUBRULE(this.paragraph) },
        { ALT: () => this.SUBRULE(this.strayRun) },
      ]),
    );
  }

  public document = this.RULE('document', () => {
    this.MANY(this.actions[0] ??= () =>
      this.OR2((this.alternatives[0] ??= [
        { ALT: () => this.statement() },
        // At the top level a `}` closes nothing: taken here, it is reported without a restart.
        { ALT: () => this.CONSUME(RCurly, L.strayClose) },
      ])),
    );
  });

  /** Tokens that cannot start a statement, where one should stand: reported once, as one piece. */
  private strayRun = this.RULE('strayRun', () => {
    this.AT_LEAST_ONE(this.actions[1] ??= () => this.CONSUME(StrayToken, L.stray));
  });

  private block = this.RULE('block', () => {
    this.CONSUME(LCurly);
    this.MANY(this.actions[2] ??= () => this.statement());
    this.CONSUME(RCurly);
  });

  private date = this.RULE('date', () => {
    this.OR((this.alternatives[1] ??= [
      { ALT: () => this.CONSUME(DateLiteral) },
      {
        ALT: () => {
          this.CONSUME(NumberLiteral);
          this.OPTION(this.actions[3] ??= () => {
            this.CONSUME(Slash);
            this.CONSUME2(NumberLiteral);
          });
        },
      },
    ]));
  });

  private strategyDecl = this.RULE('strategyDecl', () => {
    this.CONSUME(K.strategy, L.keyword);
    this.OPTION(this.actions[4] ??= () => this.CONSUME(IdToken, L.id));
    this.CONSUME(StringLiteral, L.title);
    this.SUBRULE(this.block);
  });

  /** `framework ID "Title" { … }` declares one; `framework ID, ID` (in a header) names them. */
  private frameworkStmt = this.RULE('frameworkStmt', () => {
    this.CONSUME(K.framework, L.keyword);
    this.CONSUME(IdToken, L.id);
    this.MANY(this.actions[5] ??= () => {
      this.CONSUME(Comma);
      this.CONSUME2(IdToken, L.id);
    });
    this.OPTION(this.actions[6] ??= () => this.CONSUME(StringLiteral, L.title));
    this.OPTION2(this.actions[7] ??= () => this.SUBRULE(this.block));
  });

  private priorityDecl = this.RULE('priorityDecl', () => {
    this.CONSUME(K.priority, L.keyword);
    this.OPTION(this.actions[8] ??= () => this.CONSUME(IdToken, L.id));
    this.CONSUME(StringLiteral, L.title);
    this.OPTION2(this.actions[9] ??= () => this.SUBRULE(this.block));
  });

  private sectionDecl = this.RULE('sectionDecl', () => {
    this.CONSUME(K.section, L.keyword);
    this.CONSUME(StringLiteral, L.title);
    this.SUBRULE(this.block);
  });

  private aimDecl = this.RULE('aimDecl', () => {
    this.CONSUME(K.aim, L.keyword);
    this.OPTION(this.actions[10] ??= () => this.CONSUME(IdToken, L.id));
    this.CONSUME(StringLiteral, L.title);
    this.OPTION2(this.actions[11] ??= () => this.SUBRULE(this.block));
  });

  private nationalAimRef = this.RULE('nationalAimRef', () => {
    this.CONSUME(K.national, L.keyword);
    this.CONSUME(K.aim, L.keywordEnd);
    this.OR((this.alternatives[2] ??= [
      {
        ALT: () => {
          this.CONSUME(IdToken, L.id);
          this.OPTION(this.actions[12] ??= () => this.CONSUME(StringLiteral, L.title));
        },
      },
      { ALT: () => this.CONSUME2(StringLiteral, L.title) },
    ]));
  });

  private commitmentDecl = this.RULE('commitmentDecl', () => {
    this.CONSUME(K.commitment, L.keyword);
    this.OPTION(this.actions[13] ??= () => this.CONSUME(IdToken, L.id));
    this.CONSUME(StringLiteral, L.title);
    this.OPTION2(this.actions[14] ??= () => this.SUBRULE(this.block));
  });

  private actionDecl = this.RULE('actionDecl', () => {
    this.CONSUME(K.action, L.keyword);
    this.CONSUME(NumberLiteral, L.id);
    this.CONSUME(StringLiteral, L.title);
    this.OPTION(this.actions[15] ??= () => this.SUBRULE(this.block));
  });

  private measureDecl = this.RULE('measureDecl', () => {
    this.CONSUME(K.measure, L.keyword);
    this.OR((this.alternatives[3] ??= [
      {
        ALT: () => {
          this.CONSUME(IndicatorCode, L.indicator);
          this.OPTION(this.actions[16] ??= () => this.CONSUME(StringLiteral, L.title));
        },
      },
      { ALT: () => this.CONSUME2(StringLiteral, L.title) },
    ]));
    this.OPTION2(this.actions[17] ??= () => this.SUBRULE(this.block));
  });

  private targetStmt = this.RULE('targetStmt', () => {
    this.CONSUME(K.target, L.keyword);
    this.OPTION(this.actions[18] ??= () => this.CONSUME(DirectionToken, L.direction));
    this.OPTION2(this.actions[19] ??= () => {
      this.CONSUME(QuantityToken, L.value);
      this.OPTION3(this.actions[20] ??= () => this.CONSUME(Percent, L.valuePercent));
    });
    this.OPTION4(this.actions[21] ??= () => this.CONSUME(IndicatorCode, L.indicator));
    this.OPTION5(this.actions[22] ??= () => {
      this.CONSUME(K.from);
      this.CONSUME2(QuantityToken, L.baseline);
      this.OPTION6(this.actions[23] ??= () => this.CONSUME2(Percent, L.baselinePercent));
    });
    this.OPTION7(this.actions[24] ??= () => {
      this.CONSUME(K.by);
      this.SUBRULE(this.date);
    });
    this.OPTION8(this.actions[25] ??= () => this.CONSUME(StringLiteral, L.words));
  });

  private outcomeDecl = this.RULE('outcomeDecl', () => {
    this.CONSUME(K.outcome, L.keyword);
    this.CONSUME(StringLiteral, L.title);
    this.OPTION(this.actions[26] ??= () => this.SUBRULE(this.block));
  });

  private narrativeDecl = this.RULE('narrativeDecl', () => {
    this.CONSUME(K.narrative, L.keyword);
    this.OPTION(this.actions[27] ??= () => this.CONSUME(StringLiteral, L.title));
    this.SUBRULE(this.block);
  });

  private noteStmt = this.RULE('noteStmt', () => {
    this.CONSUME(K.note, L.keyword);
    this.CONSUME(StringLiteral, L.text);
  });

  private ownerStmt = this.RULE('ownerStmt', () => {
    this.CONSUME(K.owner, L.keyword);
    this.CONSUME(OwnerToken, L.name);
    this.MANY(this.actions[28] ??= () => {
      this.OR((this.alternatives[4] ??= [{ ALT: () => this.CONSUME(Comma) }, { ALT: () => this.CONSUME(Slash) }]));
      this.CONSUME2(OwnerToken, L.name);
    });
  });

  private timingSpec = this.RULE('timingSpec', () => {
    this.OR((this.alternatives[5] ??= [
      {
        ALT: () => {
          this.CONSUME(K.ongoing);
          this.OPTION(this.actions[29] ??= () => {
            this.CONSUME(K.from);
            this.SUBRULE(this.date);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.by);
          this.SUBRULE2(this.date);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(K.from);
          this.SUBRULE3(this.date);
          this.OPTION2(this.actions[30] ??= () => {
            this.CONSUME(K.to);
            this.SUBRULE4(this.date);
          });
        },
      },
      {
        ALT: () => {
          this.SUBRULE5(this.date);
          this.OPTION3(this.actions[31] ??= () => {
            this.CONSUME2(K.to);
            this.SUBRULE6(this.date);
          });
        },
      },
    ]));
  });

  private timingStmt = this.RULE('timingStmt', () => {
    this.CONSUME(K.timing, L.keyword);
    this.OR((this.alternatives[6] ??= [
      {
        ALT: () => {
          this.SUBRULE(this.timingSpec);
          this.OPTION(this.actions[32] ??= () => this.CONSUME(StringLiteral, L.words));
        },
      },
      { ALT: () => this.CONSUME2(StringLiteral, L.words) },
    ]));
  });

  private supportsStmt = this.RULE('supportsStmt', () => {
    this.CONSUME(K.supports, L.keyword);
    this.OR((this.alternatives[7] ??= [
      {
        ALT: () => {
          this.CONSUME(K.action, L.keywordEnd);
          this.CONSUME(NumberLiteral, L.ref);
          this.MANY(this.actions[33] ??= () => {
            this.CONSUME(Comma);
            this.CONSUME2(NumberLiteral, L.ref);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.aim, L.keywordEnd);
          this.CONSUME(IdToken, L.ref);
          this.MANY2(this.actions[34] ??= () => {
            this.CONSUME2(Comma);
            this.CONSUME2(IdToken, L.ref);
          });
        },
      },
    ]));
  });

  private coverageStmt = this.RULE('coverageStmt', () => {
    this.CONSUME(K.coverage, L.keyword);
    this.CONSUME(StringLiteral, L.text);
  });

  private areaStmt = this.RULE('areaStmt', () => {
    this.CONSUME(K.area, L.keyword);
    this.CONSUME(StringLiteral, L.text);
  });

  private visionStmt = this.RULE('visionStmt', () => {
    this.CONSUME(K.vision, L.keyword);
    this.CONSUME(StringLiteral, L.text);
  });

  private periodStmt = this.RULE('periodStmt', () => {
    this.CONSUME(K.period, L.keyword);
    this.SUBRULE(this.date);
    this.CONSUME(K.to);
    this.SUBRULE2(this.date);
  });

  private statusStmt = this.RULE('statusStmt', () => {
    this.CONSUME(K.status, L.keyword);
    this.CONSUME(StatusToken, L.value);
  });

  private partnersDecl = this.RULE('partnersDecl', () => {
    this.CONSUME(K.partners, L.keyword);
    this.OPTION(this.actions[35] ??= () => this.CONSUME(StringLiteral, L.title));
    this.CONSUME(LCurly);
    this.MANY(this.actions[36] ??= () => this.SUBRULE(this.partnerEntry));
    this.CONSUME(RCurly);
  });

  private partnerEntry = this.RULE('partnerEntry', () => {
    this.CONSUME(StringLiteral, L.name);
    this.OPTION(this.actions[37] ??= () => {
      this.CONSUME(K.role);
      this.CONSUME2(StringLiteral, L.role);
    });
  });

  private glossaryDecl = this.RULE('glossaryDecl', () => {
    this.CONSUME(K.glossary, L.keyword);
    this.OPTION(this.actions[38] ??= () => this.CONSUME(StringLiteral, L.title));
    this.CONSUME(LCurly);
    this.MANY(this.actions[39] ??= () => this.SUBRULE(this.glossaryEntry));
    this.CONSUME(RCurly);
  });

  private glossaryEntry = this.RULE('glossaryEntry', () => {
    this.CONSUME(TermToken, L.term);
    this.CONSUME(StringLiteral, L.meaning);
  });

  private paragraph = this.RULE('paragraph', () => {
    this.CONSUME(StringLiteral, L.text);
  });
}

/*
 * The CST hooks StrategyParser overrides are Chevrotain internals (the
 * grammar and sameness tests hold their behaviour): if a new version renames
 * them, say so at load rather than misread its own CST in every parse.
 */
for (const hook of ['cstInvocationStateUpdate', 'cstPostTerminal', 'cstPostNonTerminal']) {
  if (typeof (CstParser.prototype as unknown as Record<string, unknown>)[hook] !== 'function') {
    throw new Error(`grammar/parser.ts overrides Chevrotain's CST hook ${hook}, which this version of chevrotain does not have.`);
  }
}

/** Chevrotain's `setNodeLocationFull`, on first and last tokens instead of a location record. */
function extendLocation(node: ParseNode, start: IToken, end: IToken): void {
  if (node.start.startOffset === -1) {
    node.start = start;
    node.end = end;
  } else if (node.end.endOffset! < end.endOffset!) node.end = end;
}

/** The one parser instance; `parseTokens` resets it for each input. */
const parser = new StrategyParser();

/** Builds the grammar again with Chevrotain's checks on: throws what Chevrotain finds wrong with it (for the tests). */
export function validateGrammar(): void {
  new StrategyParser(true);
}

export interface TreeParseResult {
  readonly tree: ParseNode;
  readonly errors: typeof parser.errors;
}

/**
 * Parses `tokens`; every statement in them is built by `builder` as it
 * completes. With `releaseConsumed`, the caller gives up the array's
 * entries: each top-level statement's tokens are cleared from it once the
 * statement is built (the tokens from where the parse stopped on are kept).
 */
export function parseTokens(tokens: IToken[], builder: StatementBuilder, releaseConsumed = false): TreeParseResult {
  parser.input = tokens;
  parser.builder = builder;
  parser.pool = new NodePool();
  parser.releaseConsumed = releaseConsumed;
  parser.releasedTo = 0;
  try {
    const tree = parser.document() as unknown as ParseNode;
    return { tree, errors: parser.errors };
  } finally {
    parser.builder = undefined;
    parser.pool = new NodePool();
    parser.releaseConsumed = false;
    // The parser holds no document's tokens between parses.
    parser.input = NO_TOKENS;
  }
}

const NO_TOKENS: IToken[] = [];
