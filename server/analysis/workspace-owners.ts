/**
 * Who owns things across the workspace: the partners each strategy lists and
 * the owners its statements name, per file, so that completing `owner `
 * offers the names the authors of this workspace actually use before
 * anything else. Filled from every document the server parses anyway (open
 * documents, frameworks, and closed files as their diagnostics are checked).
 */
import type { AnalysedDocument } from './document-model.js';
import { ownString } from '../../grammar/index.js';
import { walkStatements } from './walk.js';

export interface OwnerUse {
  readonly name: string;
  /** Written in quotes (a name) rather than bare (an acronym). */
  readonly quoted: boolean;
  /** Listed among a strategy's partners. */
  readonly partner: boolean;
}

export interface WorkspaceOwner extends OwnerUse {
  /** How many files name it. */
  readonly files: number;
}

/** The partners and owners a document names, each once. */
export function ownerUsesOf(doc: AnalysedDocument): OwnerUse[] {
  const out = new Map<string, OwnerUse>();
  walkStatements(doc.parsed.document, (s) => {
    if (s.kind === 'partners') for (const e of s.entries) out.set(e.name.value, { name: ownString(e.name.value), quoted: true, partner: true });
    if (s.kind === 'owner') for (const n of s.names) if (n.value.trim() !== '' && !out.has(n.value)) out.set(n.value, { name: ownString(n.value), quoted: n.quoted, partner: false });
  });
  return [...out.values()];
}

export class WorkspaceOwners {
  private readonly byFile = new Map<string, readonly OwnerUse[]>();

  set(key: string, doc: AnalysedDocument): void {
    this.byFile.set(key, ownerUsesOf(doc));
  }

  delete(key: string): void {
    this.byFile.delete(key);
  }

  /** Every name used in files other than `except`, most used first (partners before owners at a tie). */
  ranked(except?: string): WorkspaceOwner[] {
    const counts = new Map<string, { use: OwnerUse; files: number; partner: boolean }>();
    for (const [key, uses] of this.byFile) {
      if (key === except) continue;
      for (const use of uses) {
        const seen = counts.get(use.name);
        if (seen) {
          seen.files++;
          seen.partner ||= use.partner;
        } else counts.set(use.name, { use, files: 1, partner: use.partner });
      }
    }
    return [...counts.values()]
      .map(({ use, files, partner }) => ({ name: use.name, quoted: use.quoted, partner, files }))
      .sort((a, b) => b.files - a.files || Number(b.partner) - Number(a.partner) || a.name.localeCompare(b.name));
  }
}
