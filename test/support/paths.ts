/** Where tests find the repository, the fixtures and the built binary. */
import { join, resolve } from 'node:path';

/** The repository root (tests run from out/test/…). */
export const REPO = resolve(__dirname, '..', '..', '..');
export const FIXTURES = join(REPO, 'test', 'fixtures');
export const SEEDS = join(REPO, 'seeds');
export const CLI = join(REPO, 'bin', 'strategy.js');

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}
