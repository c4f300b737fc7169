/**
 * Where each rule's page is published: the repository's docs/rules/<id>.md
 * (docs/language.md for syntax errors). Output formats read in other places
 * than this machine (JSON, SARIF in code scanning) link here; the language
 * server links to the page shipped beside it.
 */
import pkg from '../../package.json';
import { SYNTAX_ERROR_ID } from './registry.js';

/** The repository's web address, from package.json's `repository`. */
export const REPOSITORY_URL: string = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

export function ruleDocsUrl(ruleId: string): string {
  return ruleId === SYNTAX_ERROR_ID ? `${REPOSITORY_URL}/blob/main/docs/language.md` : `${REPOSITORY_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
