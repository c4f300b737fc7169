/**
 * Ids. A strategy keeps the numbers its source gave (COMMITMENT 3, 13.1,
 * Key Priority 2 → KP2) and invents none. A framework needs ids that local
 * strategies can cite, so its priorities take the initials of their title
 * (PC for "Protecting communities …") and its aims number on from them
 * (PC.1, PC.2). Duplicate priority ids are dropped, not renumbered.
 */
import type { Node, NodeOf } from '../model.js';
import type { DocumentKind } from '../recognise/header.js';
import { FUNCTION_WORDS } from '../recognise/vocabulary.js';

const UNSAFE_ID = /^(?:X{1,4}|tbc|tbd|TBC|TBD|Tbc|NI\d*)$/;

function initials(title: string): string {
  const words = title
    .replace(/[^\p{L}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !FUNCTION_WORDS.has(w.toLowerCase()) && w.toLowerCase() !== 'we');
  const letters = words
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('')
    .replace(/[^A-Z]/g, '');
  return letters;
}

function unique(wanted: string, taken: Set<string>): string {
  let id = UNSAFE_ID.test(wanted) || !/^[A-Za-z]/.test(wanted) ? `${wanted || 'P'}1` : wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}${n}`;
  taken.add(id);
  return id;
}

function numberAims(items: Node[], prefix: string, counter: { n: number }): void {
  for (const node of items) {
    if (node.kind === 'aim') {
      counter.n++;
      node.id = node.id ? (/^\d+$/.test(node.id) ? `${prefix}.${node.id}` : node.id) : `${prefix}.${counter.n}`;
    }
    if ((node.kind === 'section' || node.kind === 'outcome') && 'items' in node) numberAims(node.items, prefix, counter);
  }
}

export function assignIds(nodes: Node[], kind: DocumentKind): void {
  const taken = new Set<string>();
  const priorities = nodes.filter((n): n is NodeOf<'priority'> => n.kind === 'priority');
  for (const p of priorities) {
    if (p.id !== undefined && taken.has(p.id)) delete p.id;
    if (p.id !== undefined) taken.add(p.id);
  }
  if (kind !== 'framework') return;
  for (const p of priorities) if (p.id === undefined) p.id = unique(initials(p.title) || 'P', taken);
  for (const p of priorities) numberAims(p.items, p.id!, { n: 0 });
  const topAims = { n: 0 };
  for (const n of nodes) if (n.kind === 'aim' && !n.id) n.id = `A${++topAims.n}`;
}
