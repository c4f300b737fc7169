/** A unified diff of a file before and after fixes, for `--fix-dry-run`. */
import { createTwoFilesPatch } from 'diff';

export function unifiedDiff(name: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, '', '', { context: 2 }).replace(/^=+\n/m, '');
}
