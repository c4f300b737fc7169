/**
 * Syntax error messages written for policy officers, not for parser authors:
 * they say what was expected in the words of the language ("the owner's name
 * in quotes"), never as a list of token types.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { KEYWORDS, STATUS_VALUES } from './keywords.js';
import { closestWord } from './spelling.js';
import { tokenLabels } from './tokens.js';

/** What each rule expects, by the name of the token it failed to find ('*' for any). */
const EXPECTATIONS: Record<string, Record<string, string>> = {
  strategyDecl: {
    StringLiteral: "the strategy's title in quotes after `strategy`",
    LCurly: '`{` to open the strategy header (area, period, status, framework)',
  },
  frameworkStmt: {
    '*': "the framework's id after `framework`, such as drugs-2008",
  },
  priorityDecl: { StringLiteral: "the priority's title in quotes" },
  sectionDecl: { StringLiteral: "the section's title in quotes after `section`", LCurly: '`{` to open the section' },
  aimDecl: { StringLiteral: "the aim's title in quotes" },
  nationalAimRef: {
    Kw_aim: '`aim` after `national`',
    '*': "the national aim's code (such as PC.1) or its words in quotes after `national aim`",
  },
  commitmentDecl: { StringLiteral: "the commitment's text in quotes" },
  actionDecl: {
    NumberLiteral: "the national action's number after `action`",
    StringLiteral: "the action's text in quotes after its number",
  },
  measureDecl: { '*': 'an indicator code such as NI 40, or the measure in quotes, after `measure`' },
  outcomeDecl: { StringLiteral: 'the outcome in quotes after `outcome`' },
  narrativeDecl: { LCurly: "`{` and the narrative's paragraphs in quotes" },
  noteStmt: { StringLiteral: 'the note in quotes after `note`' },
  ownerStmt: { '*': "the owner's name in quotes (or an acronym such as HO) after `owner`" },
  ownerName: { '*': "the owner's name in quotes (or an acronym such as HO) after `owner`" },
  timingStmt: {
    '*': 'a date (2010-04), a range (2010-04 to 2013-03), `by`, `from`, `ongoing`, or the timing in quotes after `timing`',
  },
  timingSpec: { Kw_to: '`to` between the two dates of a range', '*': 'a date such as 2010-04 or 2010' },
  supportsStmt: {
    NumberLiteral: "the national action's number, such as 20",
    '*': '`action` or `aim` after `supports`, as in `supports action 20, 21`',
  },
  coverageStmt: { StringLiteral: 'the coverage in quotes after `coverage`, such as "England and Wales"' },
  areaStmt: { StringLiteral: 'the area in quotes after `area`, such as "Gloucestershire"' },
  visionStmt: { StringLiteral: 'the vision in quotes after `vision`' },
  periodStmt: {
    Kw_to: '`to` between the start and end of the period, as in `period 2010-04 to 2013-03`',
    '*': 'the period as `2010-04 to 2013-03` after `period`',
  },
  statusStmt: { '*': `one of ${STATUS_VALUES.join(', ')} after \`status\`` },
  partnersDecl: { LCurly: "`{` and the partners' names in quotes after `partners`", RCurly: '`}` to close the partners list' },
  partnerEntry: { StringLiteral: "the partner's role in quotes after `role`" },
  glossaryDecl: { LCurly: '`{` and the glossary entries after `glossary`', RCurly: '`}` to close the glossary' },
  date: { '*': 'a date such as 2010-04, 2010 or 2009/10' },
  targetStmt: { QuantityToken: 'the baseline after `from`: a number (45%), a placeholder (X) or tbc' },
  glossaryEntry: { TermToken: 'a term (such as CDRP) and its meaning in quotes', StringLiteral: 'the meaning in quotes after the term' },
  block: { RCurly: '`}` to close the block', LCurly: '`{` to open the block' },
};

const STATEMENT_HINT = 'a statement such as `commitment`, `owner`, `timing` or `target`, or text in quotes';

export function describeToken(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF) return 'the end of the file';
  const image = token.image.length > 40 ? `${token.image.slice(0, 37)}…` : token.image;
  if (token.tokenType.name === 'StringLiteral' || token.tokenType.name === 'CurlyString' || token.tokenType.name === 'UnterminatedString') {
    return `text in quotes (${image})`;
  }
  return `\`${image.replace(/\s+/g, ' ')}\``;
}

function expectation(ruleName: string, tokenName: string | undefined): string | undefined {
  const table = EXPECTATIONS[ruleName];
  if (!table) return undefined;
  return (tokenName && table[tokenName]) ?? table['*'];
}

const keywordWords: readonly string[] = KEYWORDS.map((k) => k.word);

/** A hint when a bare word stands where a statement should: wrong case or a typo of a keyword. */
export function keywordHint(actual: IToken | undefined): string {
  if (!actual || actual.tokenType.name !== 'Name') return '';
  const lower = actual.image.toLowerCase();
  if (lower !== actual.image && keywordWords.includes(lower)) {
    return ` Keywords are written in lower case: did you mean \`${lower}\`?`;
  }
  const near = closestWord(actual.image, keywordWords);
  return near ? ` Did you mean \`${near}\`?` : '';
}

function sentence(expected: string, actual: IToken | undefined): string {
  return `Expected ${expected}, but found ${describeToken(actual)}.`;
}

function notAllInputParsed(token: IToken): string {
  if (token.tokenType.name === 'RCurly') return 'This `}` closes no block: remove it, or open the block it belongs to.';
  return `Unexpected ${describeToken(token)}: expected ${STATEMENT_HINT}.${keywordHint(token)}`;
}

/** The message for tokens that cannot start a statement where one should stand (in a block, or at the top level). */
export function strayTokenMessage(token: IToken, inBlock: boolean): string {
  if (!inBlock) return notAllInputParsed(token);
  return `${sentence(`${STATEMENT_HINT}, or \`}\` to close the block`, token)}${keywordHint(token)}`;
}

export const friendlyErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
    if (expected === EOF) return notAllInputParsed(actual);
    if (ruleName === 'block' && expected.name === 'RCurly' && actual.tokenType !== EOF) {
      return `${sentence(`${STATEMENT_HINT}, or \`}\` to close the block`, actual)}${keywordHint(actual)}`;
    }
    const what = expectation(ruleName, expected.name) ?? tokenLabels.get(expected) ?? `\`${expected.name}\``;
    return sentence(what, actual);
  },
  buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
    return notAllInputParsed(firstRedundant);
  },
  buildNoViableAltMessage({ actual, ruleName }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
    const first = actual[0];
    if (ruleName === 'document' || ruleName === 'block') return `${sentence(STATEMENT_HINT, first)}${keywordHint(first)}`;
    const what = expectation(ruleName, undefined) ?? STATEMENT_HINT;
    return sentence(what, first);
  },
  buildEarlyExitMessage({ actual, ruleName }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
    const what = expectation(ruleName, undefined) ?? STATEMENT_HINT;
    return sentence(what, actual[0]);
  },
};
