/** ANSI colour, used only when the output is a terminal and NO_COLOR is unset (or FORCE_COLOR or --color asks). */
export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

export const colours: Paint = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
  underline: wrap(4, 24),
};

const identity = (s: string): string => s;
export const noColours: Paint = { red: identity, yellow: identity, cyan: identity, dim: identity, bold: identity, underline: identity };

/**
 * Colour or not, in the order Node.js and the tools built on supports-color
 * decide it: `--color`/`--no-color` first, then FORCE_COLOR (`0` or `false`
 * turns colour off, any other value on), then NO_COLOR (any non-empty
 * value), then whether the output is a terminal that is not `dumb`.
 */
export function wantsColour(isTTY: boolean, env: NodeJS.ProcessEnv, forced?: boolean): boolean {
  if (forced !== undefined) return forced;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return isTTY && env['TERM'] !== 'dumb';
}
