/**
 * What the streamed renderers share: counting the strategies that answer
 * each framework as documents come (a strategy's coverage section is
 * compact, linking to the national view, once its framework has one: two
 * strategies or more), and collecting written pieces for the in-memory
 * renderers. The documents' sections themselves are `section-part.ts`'s.
 */

import { NATIONAL_VIEW_MIN_STRATEGIES } from './national-view.js';

/** Counts the strategies answering each framework as documents come, to tell when its national view is certain. */
export class StrategiesPerFramework {
  private readonly counts = new Map<string, number>();

  /** Counts one more strategy. Keyed by the framework's file and id: one framework, never two. */
  add(framework: FrameworkKey): void {
    const key = keyOf(framework);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Whether the next strategy answering `framework` makes its national view certain (the strategies before it counted). */
  viewCertain(framework: FrameworkKey): boolean {
    return this.count(framework) + 1 >= NATIONAL_VIEW_MIN_STRATEGIES;
  }

  /** The frameworks whose national view the next strategy answering them makes certain. */
  certain(): FrameworkKey[] {
    return [...this.counts.keys()].filter((key) => this.counts.get(key)! + 1 >= NATIONAL_VIEW_MIN_STRATEGIES).map((key) => {
      const at = key.indexOf('\u0000');
      return { file: key.slice(0, at), id: key.slice(at + 1) };
    });
  }

  count(framework: FrameworkKey): number {
    return this.counts.get(keyOf(framework)) ?? 0;
  }
}

export interface FrameworkKey {
  readonly id: string;
  readonly file: string;
}

function keyOf(framework: FrameworkKey): string {
  return `${framework.file}\u0000${framework.id}`;
}

/** Collects written pieces into parts (for the in-memory renderers). */
export function collect(run: (write: (piece: string | Buffer) => void) => void): string[] {
  const parts: string[] = [];
  run((piece) => parts.push(typeof piece === 'string' ? piece : piece.toString('utf8')));
  return parts;
}
