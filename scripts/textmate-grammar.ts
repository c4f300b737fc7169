/**
 * The TextMate grammar of the Strategy language (syntaxes/strategy.tmLanguage.json),
 * built from grammar/keywords.ts so that a keyword is added in one place only.
 * `node scripts/generate-textmate.mjs` writes it; a unit test fails when the
 * committed file is stale, and the real-VS-Code suite tokenizes samples with
 * VS Code's own TextMate engine.
 *
 * The token boundaries copy the lexer's (grammar/tokens.ts): a keyword or a
 * placeholder is only itself when it is not part of a longer name, and a name
 * may hold `.` and `-` (`PC.1`, `drugs-2008`), so `draft-2` is a name, not the
 * keyword `draft`. The regular expressions are written in the subset that
 * Oniguruma (VS Code) and JavaScript read alike, so the unit tests can run them.
 *
 * The scope names are those the language server's semantic token types map to
 * (package.json `contributes.semanticTokenScopes`), so colours do not change
 * when semantic highlighting takes over from this grammar.
 */
import { KEYWORDS, PLACEHOLDER_WORDS } from '../grammar/keywords.js';

export const SCOPE_NAME = 'source.strategy';

/**
 * The scope of each kind of token. The language server's semantic tokens
 * (server/lsp/semantic-tokens-provider.ts) use standard token types, which
 * package.json's `contributes.semanticTokenScopes` maps to these same scopes
 * (SEMANTIC_TOKEN_SCOPES below), so a theme colours a token the same before
 * and after the server's semantic tokens arrive.
 */
export const SCOPES = {
  comment: 'comment.line.double-slash.strategy',
  string: 'string.quoted.double.strategy',
  escape: 'constant.character.escape.strategy',
  keyword: 'keyword.other.strategy',
  /** Fixed values: status values, target directions, `ongoing`. */
  value: 'constant.language.strategy',
  number: 'constant.numeric.strategy',
  /** `NI 40`. */
  indicator: 'support.constant.indicator.strategy',
  /** `X`, `XX`, `tbc`: drawn as a defect, since a published document should have none. */
  placeholder: 'invalid.deprecated.placeholder.strategy',
  /** Strategy, framework and priority ids. */
  namespace: 'entity.name.namespace.strategy',
  aim: 'entity.name.type.aim.strategy',
  commitment: 'entity.name.function.strategy',
  action: 'entity.name.function.action.strategy',
  /** Bare owners (`HO`) and glossary terms. */
  acronym: 'entity.name.type.acronym.strategy',
  name: 'variable.other.strategy',
  blockBegin: 'punctuation.section.block.begin.strategy',
  blockEnd: 'punctuation.section.block.end.strategy',
  comma: 'punctuation.separator.comma.strategy',
  slash: 'punctuation.separator.slash.strategy',
  stringBegin: 'punctuation.definition.string.begin.strategy',
  stringEnd: 'punctuation.definition.string.end.strategy',
  commentBegin: 'punctuation.definition.comment.strategy',
} as const;

/** Semantic token selector (type[.modifier]) → scope, for package.json's `contributes.semanticTokenScopes`. */
export const SEMANTIC_TOKEN_SCOPES: Readonly<Record<string, readonly string[]>> = {
  keyword: [SCOPES.keyword],
  enumMember: [SCOPES.value],
  'enumMember.defaultLibrary': [SCOPES.indicator],
  string: [SCOPES.string],
  comment: [SCOPES.comment],
  number: [SCOPES.number],
  macro: [SCOPES.placeholder],
  namespace: [SCOPES.namespace],
  class: [SCOPES.aim],
  function: [SCOPES.commitment],
  method: [SCOPES.action],
  type: [SCOPES.acronym],
  variable: [SCOPES.name],
};

/** Which scope each kind of declared or referenced id takes. */
const ID_SCOPES = { strategy: SCOPES.namespace, framework: SCOPES.namespace, priority: SCOPES.namespace, aim: SCOPES.aim, commitment: SCOPES.commitment, action: SCOPES.action } as const;

/** Not preceded by a character that would make the match part of a longer name or number. */
const START = '(?<![A-Za-z0-9_.\\-])';
/** Not followed by one either (`draft-2`, `PC.1x`). */
const END = '(?![A-Za-z0-9_]|[.\\-][A-Za-z0-9_])';
const NAME = '[A-Za-z_][A-Za-z0-9_]*(?:[.\\-][A-Za-z0-9_]+)*';
const NUMBER = '[0-9]+(?:\\.[0-9]+)*';
const ID = `(?:${NAME}|${NUMBER})`;

function alternation(list: readonly string[]): string {
  // Longest first, so that no alternative shadows a longer one in any engine.
  return [...new Set(list)].sort((a, b) => b.length - a.length || a.localeCompare(b)).join('|');
}

type Rule = Record<string, unknown>;

function keywordScope(word: string): string {
  const info = KEYWORDS.find((k) => k.word === word);
  if (!info) throw new Error(`"${word}" is not in grammar/keywords.ts`);
  return info.role === 'value' ? SCOPES.value : SCOPES.keyword;
}

function keywordCaptures(words: readonly string[]): Record<string, { name: string }> {
  return Object.fromEntries(words.map((w, i) => [String(i + 1), { name: keywordScope(w) }]));
}

/** `supports action 20, 21`, `supports aim PC.1`, `framework a, b`: keywords, then a list of references. */
function referenceList(words: readonly string[], scope: string): Rule {
  return {
    begin: `${START}${words.map((w) => `(${w})`).join('\\s+')}${END}(?=\\s+${ID})`,
    beginCaptures: keywordCaptures(words),
    // The list ends at the first thing that is neither an id nor a comma: text, a brace, a comment, the line's end.
    end: '(?=[^\\sA-Za-z0-9_.,\\-])|$',
    patterns: [
      { match: `${START}${ID}${END}`, name: scope },
      { match: ',', name: SCOPES.comma },
    ],
  };
}

/** `priority P1 "…"`, `action 3 "…"`: a declaration keyword and the id it declares. */
function declarationWithId(word: keyof typeof ID_SCOPES, idPattern: string, lookahead = ''): Rule {
  return {
    match: `${START}(${word})\\s+(${idPattern})${END}${lookahead}`,
    captures: { '1': { name: keywordScope(word) }, '2': { name: ID_SCOPES[word] } },
  };
}

export function textMateGrammar(): Record<string, unknown> {
  const valueWords = KEYWORDS.filter((k) => k.role === 'value').map((k) => k.word);
  const otherWords = KEYWORDS.filter((k) => k.role !== 'value').map((k) => k.word);
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Strategy',
    scopeName: SCOPE_NAME,
    fileTypes: ['strategy'],
    comment: 'Generated from grammar/keywords.ts by scripts/generate-textmate.mjs (scripts/textmate-grammar.ts): edit those, not this file.',
    patterns: [{ include: '#statement' }],
    repository: {
      statement: {
        patterns: [
          { include: '#comment' },
          { include: '#string' },
          { include: '#glossary' },
          { include: '#owner' },
          { include: '#reference' },
          { include: '#declaration' },
          { include: '#value' },
        ],
      },
      value: {
        patterns: [
          { include: '#indicator' },
          { include: '#number' },
          { include: '#placeholder' },
          { include: '#keyword' },
          { include: '#name' },
          { include: '#punctuation' },
        ],
      },
      comment: {
        begin: '//',
        beginCaptures: { '0': { name: SCOPES.commentBegin } },
        end: '$',
        name: SCOPES.comment,
      },
      string: {
        patterns: [
          {
            // One line only, like the lexer: a missing closing quote ends the text at the line's end.
            begin: '"',
            beginCaptures: { '0': { name: SCOPES.stringBegin } },
            end: '(")|$',
            endCaptures: { '1': { name: SCOPES.stringEnd } },
            name: SCOPES.string,
            // Consumed so that `\"` does not end the text; not coloured apart, as the server's string token covers it.
            patterns: [{ match: '\\\\.' }],
          },
          {
            // “Typographic quotes”, as pasted from a word processor.
            begin: '\u201c',
            beginCaptures: { '0': { name: SCOPES.stringBegin } },
            end: '(\u201d)|$',
            endCaptures: { '1': { name: SCOPES.stringEnd } },
            name: SCOPES.string,
          },
        ],
      },
      glossary: {
        // Inside a glossary, the bare word that starts a line is a term (an acronym).
        begin: `${START}(glossary)${END}`,
        beginCaptures: keywordCaptures(['glossary']),
        end: '\\}',
        endCaptures: { '0': { name: SCOPES.blockEnd } },
        patterns: [
          { include: '#comment' },
          { include: '#string' },
          { match: `^\\s*(${NAME})${END}`, captures: { '1': { name: SCOPES.acronym } } },
          { include: '#value' },
        ],
      },
      owner: {
        // `owner HO, "Home Office", DH/DCSF`: the bare names are acronyms.
        begin: `${START}(owner)${END}`,
        beginCaptures: keywordCaptures(['owner']),
        end: '$|(?=//|[{}])',
        patterns: [
          { include: '#string' },
          { match: `${START}${NAME}${END}`, name: SCOPES.acronym },
          { include: '#punctuation' },
        ],
      },
      reference: {
        patterns: [
          referenceList(['supports', 'action'], SCOPES.action),
          referenceList(['supports', 'aim'], SCOPES.aim),
          {
            match: `${START}(national)\\s+(aim)${END}(?:\\s+(${ID})${END})?`,
            captures: { ...keywordCaptures(['national', 'aim']), '3': { name: SCOPES.aim } },
          },
          // `framework drugs-2008 "Title"` declares a framework; without a title it names one.
          declarationWithId('framework', NAME, '(?=\\s*["\u201c])'),
          referenceList(['framework'], SCOPES.namespace),
        ],
      },
      declaration: {
        patterns: [
          declarationWithId('strategy', ID),
          declarationWithId('priority', ID),
          declarationWithId('aim', ID),
          declarationWithId('commitment', ID),
          declarationWithId('action', NUMBER),
        ],
      },
      indicator: { match: `${START}NI[ \\t]*-?[ \\t]*[0-9]+(?![0-9])`, name: SCOPES.indicator },
      number: {
        patterns: [
          // Dates (2010-04, 2010-04-15, 2009/10) and numbers are all numbers to the server's semantic tokens.
          { match: `${START}[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?(?![0-9.])`, name: SCOPES.number },
          { match: `${START}[0-9]{4}/[0-9]{2}(?![0-9])`, name: SCOPES.number },
          { match: `${START}${NUMBER}(?![0-9])`, name: SCOPES.number },
          { match: '%', name: SCOPES.number },
        ],
      },
      placeholder: { match: `${START}(?:${alternation(['XXXX', 'XXX', 'XX', 'X', ...PLACEHOLDER_WORDS])})${END}`, name: SCOPES.placeholder },
      keyword: {
        patterns: [
          { match: `${START}(?:${alternation(valueWords)})${END}`, name: SCOPES.value },
          { match: `${START}(?:${alternation(otherWords)})${END}`, name: SCOPES.keyword },
        ],
      },
      name: { match: `${START}${NAME}`, name: SCOPES.name },
      punctuation: {
        patterns: [
          { match: '\\{', name: SCOPES.blockBegin },
          { match: '\\}', name: SCOPES.blockEnd },
          { match: ',', name: SCOPES.comma },
          { match: '/', name: SCOPES.slash },
        ],
      },
    },
  };
}

/** The file's text exactly as committed (two-space JSON, final newline). */
export function textMateGrammarText(): string {
  return `${JSON.stringify(textMateGrammar(), null, 2)}\n`;
}
