/**
 * Keeping the event loop free and honouring `$/cancelRequest`. The server is
 * one thread: a request that loops over a thousand files must give way now
 * and then, or every keystroke's completion waits behind it. A `Slicer`
 * yields to the event loop once its time slice is spent (so queued messages,
 * cancellations included, get read) and stops the work when the client has
 * cancelled it.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** How long work may hold the event loop before it yields. */
export const TIME_SLICE_MS = 8;

export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

export class Slicer {
  private sliceStart = performance.now();

  constructor(
    private readonly token?: CancellationToken,
    private readonly budgetMs = TIME_SLICE_MS,
  ) {}

  get cancelled(): boolean {
    return this.token?.isCancellationRequested ?? false;
  }

  /** Yields if the slice is spent; throws the protocol's cancellation error if the client cancelled. */
  async check(): Promise<void> {
    if (this.cancelled) throw cancelledError();
    if (performance.now() - this.sliceStart < this.budgetMs) return;
    await nextTurn();
    this.sliceStart = performance.now();
    if (this.cancelled) throw cancelledError();
  }

  /** As `check`, for loops that would rather stop quietly: false when cancelled. */
  async proceed(): Promise<boolean> {
    if (this.cancelled) return false;
    if (performance.now() - this.sliceStart >= this.budgetMs) {
      await nextTurn();
      this.sliceStart = performance.now();
    }
    return !this.cancelled;
  }
}

export interface Logger {
  error(message: string): void;
}

/**
 * Wraps a request handler: a request cancelled before it runs is answered
 * with RequestCancelled at once; one cancelled while it ran is answered so
 * too; and a fault in the server answers with `fallback` and a log line,
 * never a crash and never an error dialog over what the user typed.
 */
export function guarded<P, R>(
  name: string,
  logger: Logger,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    if (token.isCancellationRequested) throw cancelledError();
    try {
      const result = await handler(params, token);
      if (token.isCancellationRequested) throw cancelledError();
      return result;
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      logger.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };
}
