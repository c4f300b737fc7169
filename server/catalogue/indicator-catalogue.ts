/**
 * The National Indicator Set as the tool knows it: the bundled reference
 * data, validated where it enters, plus whatever a workspace configures.
 * Completion, hover and the rules all read indicators from here.
 */
import * as z from 'zod/mini';
import '../../grammar/zod-messages.js';
import bundled from './ni-indicators.json';

export const TITLE_QUALITIES = ['official', 'council', 'informal', 'configured'] as const;
export type TitleQuality = (typeof TITLE_QUALITIES)[number];

export interface Indicator {
  readonly code: number;
  /** Absent when no source gave a title: shown as unknown, never invented. */
  readonly title?: string;
  readonly theme?: string;
  readonly psa?: string;
  readonly quality?: TitleQuality;
  readonly sources: readonly string[];
}

const BundledEntrySchema = z.object({
  code: z.int().check(z.positive()),
  title: z.optional(z.string().check(z.minLength(1))),
  theme: z.optional(z.string().check(z.minLength(1))),
  psa: z.optional(z.string().check(z.minLength(1))),
  quality: z.optional(z.enum(['official', 'council', 'informal'])),
  sources: z.optional(z.array(z.string())),
});
const BundledSchema = z.object({ source: z.string(), indicators: z.array(BundledEntrySchema) });

/** An indicator as a workspace configures it (`indicators` in strategy.config.json). */
export const ConfiguredIndicatorSchema = z.strictObject({
  code: z.string().check(z.regex(/^NI ?\d+$/, 'an indicator code such as "NI 40"'), z.describe('The indicator code, such as "NI 40".')),
  title: z.optional(z.string().check(z.minLength(1), z.describe('The title to show and to check documents against.'))),
  theme: z.optional(z.string().check(z.minLength(1))),
  psa: z.optional(z.string().check(z.minLength(1), z.describe('The Public Service Agreement the indicator serves, such as "PSA 25".'))),
});
export type ConfiguredIndicator = z.infer<typeof ConfiguredIndicatorSchema>;

export function indicatorLabel(code: number): string {
  return `NI ${code}`;
}

export function parseIndicatorCode(text: string): number | undefined {
  const m = /^\s*NI\s*-?\s*(\d+)\s*$/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

export class IndicatorCatalogue {
  private readonly byCode: ReadonlyMap<number, Indicator>;

  constructor(indicators: Iterable<Indicator>) {
    this.byCode = new Map([...indicators].map((i) => [i.code, i]));
  }

  get(code: number): Indicator | undefined {
    return this.byCode.get(code);
  }

  has(code: number): boolean {
    return this.byCode.has(code);
  }

  all(): Indicator[] {
    return [...this.byCode.values()].sort((a, b) => a.code - b.code);
  }

  get size(): number {
    return this.byCode.size;
  }

  /** Real codes nearest to `code`, closest first: for "did you mean" fixes. */
  nearest(code: number, count = 3): Indicator[] {
    return this.all()
      .map((i) => ({ i, d: Math.abs(i.code - code) }))
      .sort((a, b) => a.d - b.d || a.i.code - b.i.code)
      .slice(0, count)
      .map((x) => x.i);
  }

  /**
   * A catalogue with a workspace's own indicators added. A configured title
   * replaces the bundled one: the workspace knows its own indicators best.
   */
  withConfigured(extra: readonly ConfiguredIndicator[]): IndicatorCatalogue {
    if (extra.length === 0) return this;
    const merged = new Map(this.byCode);
    for (const e of extra) {
      const code = parseIndicatorCode(e.code)!;
      const base = merged.get(code);
      merged.set(code, {
        code,
        title: e.title ?? base?.title,
        theme: e.theme ?? base?.theme,
        psa: e.psa ?? base?.psa,
        quality: e.title ? 'configured' : base?.quality,
        sources: base?.sources ?? [],
      });
    }
    return new IndicatorCatalogue(merged.values());
  }
}

function loadBundled(): IndicatorCatalogue {
  const data = BundledSchema.parse(bundled);
  return new IndicatorCatalogue(data.indicators.map((e) => ({ ...e, sources: e.sources ?? [] })));
}

let cached: IndicatorCatalogue | undefined;

/** The National Indicator Set shipped with the tool (NI 1–30 and NI 32–199). */
export function nationalIndicatorSet(): IndicatorCatalogue {
  cached ??= loadBundled();
  return cached;
}

/** Loose comparison of titles: case, punctuation, spacing and hyphens do not count. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[\u2026.]+\s*$/, '')
    .replace(/[^a-z0-9]+/g, '');
}

/** Catalogue titles normalised, as `normaliseTitle`: a few hundred titles, compared with every measure's of every document. */
const normalisedCatalogueTitles = new Map<string, string>();
/** Bounds the cache for a configured catalogue of any size (the National Indicator Set has 198 titles). */
const MAX_CACHED_TITLES = 4096;

function normalisedCatalogueTitle(title: string): string {
  let normalised = normalisedCatalogueTitles.get(title);
  if (normalised === undefined) {
    if (normalisedCatalogueTitles.size >= MAX_CACHED_TITLES) normalisedCatalogueTitles.clear();
    normalised = normaliseTitle(title);
    normalisedCatalogueTitles.set(title, normalised);
  }
  return normalised;
}

/**
 * Whether a document's title for an indicator says the same as the
 * catalogue's. A catalogue title cut short in its source (ending in `…`)
 * cannot prove a title wrong that agrees with it as far as either goes.
 */
export function titlesAgree(documentTitle: string, catalogueTitle: string): boolean {
  const doc = normaliseTitle(documentTitle);
  const cat = normalisedCatalogueTitle(catalogueTitle);
  if (doc === cat) return true;
  return /…\s*$/.test(catalogueTitle) && doc.length > 0 && (doc.startsWith(cat) || cat.startsWith(doc));
}
