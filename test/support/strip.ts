/** The tree without source positions: what "the same model" means when comparing two parses. */
export function withoutRanges(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'range' || key === 'keywordRange' || key === 'valueRange' || key === 'offset' ? undefined : v)));
}
