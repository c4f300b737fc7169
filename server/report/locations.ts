/** Source places as the report shows them: the file as the reader knows it, 1-based line and column. */
import type { Range } from '../../grammar/index.js';
import type { Location } from './report-model.js';

export function locate(file: string, range: Range): Location {
  return { file, line: range.start.line + 1, column: range.start.character + 1 };
}

/** `file:line`, the way every linter names a place. */
export function placeText(location: Location): string {
  return `${location.file}:${location.line}`;
}
