export * from './ast.js';
export { parse, type ParseResult, type SyntaxProblem, type SyntaxProblemKind } from './parse.js';
export { KEYWORDS, STATUS_VALUES, DIRECTIONS, keywordInfo, type Direction, type Keyword, type KeywordInfo, type StatusValue } from './keywords.js';
export { LineIndex } from './positions.js';
export { quote, unquote } from './strings.js';
export { parseDateText } from './dates.js';
export { documentKindOf, statementsAllowedIn, type BlockKind } from './structure.js';
export { format, type FormatResult } from './formatter.js';
export { StatementSchema, DocumentSchema, ExportSchema, EXPORT_FORMAT_VERSION, type ExportedModel } from './model-schema.js';
