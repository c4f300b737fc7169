/**
 * Indentation-guided recovery of a missing `}`.
 *
 * Without help, one forgotten `}` makes the parser read everything after it
 * as part of the unclosed block: every priority below a narrative becomes
 * "`priority` cannot stand in a narrative". Authors indent their blocks
 * (the formatter does it for them), so the indentation says where the block
 * ended: the first line that starts at or left of the line that opened it.
 * There a synthetic `}` is put in the token stream (zero width, at the end
 * of the block's last token), and the parse keeps the rest of the file's
 * structure; the unclosed `{` itself is still reported, once, by the parser's
 * caller, which can now say where the block seems to end.
 *
 * The indentation is trusted only when it agrees with the braces: recovery
 * applies only where `{` outnumber `}`, and is abandoned when the
 * indentation would have a `}` close nothing (a file indented some other way
 * parses exactly as it did without recovery).
 */
import type { IToken } from 'chevrotain';
import { LCurly, RCurly } from './tokens.js';
import type { TokenPositions } from './positions.js';

export interface BraceRecovery {
  /** The tokens with a synthetic `}` wherever the indentation says a block ended without one. */
  readonly tokens: IToken[];
  /** For each unclosed `{`, the first token after its block, by the indentation. */
  readonly endsBefore: ReadonlyMap<IToken, IToken>;
}

const isOpen = (t: IToken): boolean => t.tokenType === LCurly;
const isClose = (t: IToken): boolean => t.tokenType === RCurly;

/** A zero-width `}` at the end of `after` (offsets only, as the parse's tokens are). */
function syntheticClose(after: IToken): IToken {
  const at = after.endOffset! + 1;
  return {
    image: '',
    startOffset: at,
    endOffset: at - 1,
    tokenType: RCurly,
    tokenTypeIdx: RCurly.tokenTypeIdx!,
    isInsertedInRecovery: true,
  };
}

/**
 * `braces`: the indices of the `{` and `}` in `tokens` (the balance is read
 * from them, not from every token); `positions`: the lines and columns of
 * `tokens` (lexed with offsets only).
 */
export function recoverMissingBraces(tokens: IToken[], braces: readonly number[], positions: TokenPositions): BraceRecovery {
  const none: BraceRecovery = { tokens, endsBefore: new Map() };
  let balance = 0;
  for (let k = 0; k < braces.length; k++) balance += tokens[braces[k]!]!.tokenType === LCurly ? 1 : -1;
  if (balance <= 0) return none;

  const out: IToken[] = [];
  const endsBefore = new Map<IToken, IToken>();
  /** Open braces with the indentation (column of the first token) of the line each opened on. */
  const stack: { brace: IToken; indent: number }[] = [];
  let line = -1;
  let lineIndent = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const tokenLine = positions.lineOf(t.startOffset);
    if (tokenLine !== line) {
      line = tokenLine;
      lineIndent = positions.characterOf(t.startOffset);
      // A line starting at or left of an open block's own line ends that block, unless it is the `}` doing so.
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const closes = isClose(t) ? lineIndent < top.indent : lineIndent <= top.indent;
        if (!closes) break;
        if (isClose(t) && !stack.slice(0, -1).some((s) => s.indent <= lineIndent)) break;
        stack.pop();
        out.push(syntheticClose(out[out.length - 1]!));
        endsBefore.set(top.brace, t);
      }
    }
    if (isOpen(t)) stack.push({ brace: t, indent: lineIndent });
    else if (isClose(t)) {
      // A `}` with nothing to close: this file's indentation does not follow its braces.
      if (stack.pop() === undefined) return none;
    }
    out.push(t);
  }
  // More closes inserted than braces missing: the indentation is not to be trusted either.
  if (endsBefore.size > balance) return none;
  return { tokens: out, endsBefore };
}
