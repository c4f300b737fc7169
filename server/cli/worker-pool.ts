/**
 * The worker threads behind `--concurrency` (`strategy lint`, `strategy
 * report`): tasks handed to a pool of workers, a few at a time each, and
 * their outcomes delivered in the tasks' order whatever order the workers
 * finish in. A worker that dies takes only its current task with it (that
 * task's outcome is `lost`'s); its other tasks go to the remaining workers,
 * or to the main thread (`runHere`) when none remains.
 *
 * The protocol: a worker says `{ ready: true }` once set up, is sent
 * `{ index, task }` and answers `{ index, outcome }`.
 */
import { Worker } from 'node:worker_threads';

/** Tasks each worker holds at once, so that it never waits for the main thread between files. */
const PIPELINE = 2;
/** How far ahead of the next outcome to deliver a run may go: the outcomes waiting behind a slow task stay bounded. */
const WINDOW = 64;

/**
 * Each worker's young generation. V8 grows it to 64 MB semi-spaces under a
 * parse's garbage, which made two workers cost twice one thread's memory;
 * at a quarter of that the run took no longer (measured on the 1,001-file
 * workspace of bench/speed.mjs) and stayed within one thread's memory.
 */
const YOUNG_GENERATION_MB = 48;

export interface PoolRun<Task, Outcome> {
  /** The workers' script, started with `workerData`. */
  readonly script: string;
  readonly workerData: unknown;
  /** What a worker is called when one stops: "a lint worker stopped". */
  readonly name: string;
  readonly workers: number;
  readonly tasks: number;
  /** The task sent for `index`, made when it is sent (so it may say what the run knows by then). */
  readonly taskAt: (index: number) => Task;
  readonly deliver: (outcome: Outcome, index: number) => void;
  /** A task done on the main thread, once no worker remains. */
  readonly runHere: (index: number) => Outcome;
  /** The outcome of the task a worker was on when it died. */
  readonly lost: (index: number, reason: unknown) => Outcome;
}

/** A worker's messages: it is ready (set up), or a task's outcome. */
type WorkerMessage<Outcome> = { readonly ready: true } | { readonly index: number; readonly outcome: Outcome };

interface PoolWorker {
  readonly worker: Worker;
  inFlight: number[];
  /** Once the worker has said it is set up: only then is its first task the one it was on when it died. */
  ready: boolean;
}

export function runInWorkers<Task, Outcome>(run: PoolRun<Task, Outcome>): Promise<void> {
  const pending = new Map<number, Outcome>();
  let nextToDeliver = 0;
  let nextToSend = 0;
  const retry: number[] = [];
  const pool = new Set<PoolWorker>();

  return new Promise<void>((resolvePromise, reject) => {
    let failed = false;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      for (const w of pool) void w.worker.terminate();
      pool.clear();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    const finishIfDone = (): void => {
      if (failed || nextToDeliver < run.tasks) return;
      for (const w of pool) void w.worker.terminate();
      pool.clear();
      resolvePromise();
    };
    const settle = (index: number, outcome: Outcome): void => {
      // Messages already on their way when the run failed are not delivered after it.
      if (failed) return;
      pending.set(index, outcome);
      try {
        for (let o = pending.get(nextToDeliver); o !== undefined; o = pending.get(nextToDeliver)) {
          pending.delete(nextToDeliver);
          run.deliver(o, nextToDeliver++);
        }
      } catch (e) {
        fail(e);
      }
    };
    const takeTask = (): number | undefined => {
      if (retry.length > 0) return retry.shift();
      if (nextToSend < run.tasks && nextToSend < nextToDeliver + WINDOW) return nextToSend++;
      return undefined;
    };
    const feed = (): void => {
      if (failed) return;
      try {
        for (const w of pool) {
          while (w.inFlight.length < PIPELINE) {
            const index = takeTask();
            if (index === undefined) break;
            w.inFlight.push(index);
            w.worker.postMessage({ index, task: run.taskAt(index) });
          }
        }
        if (pool.size === 0) {
          // No worker left: the main thread does the rest itself.
          for (let index = takeTask(); index !== undefined && !failed; index = takeTask()) settle(index, run.runHere(index));
        }
      } catch (e) {
        fail(e);
        return;
      }
      finishIfDone();
    };
    const lose = (w: PoolWorker, reason: unknown): void => {
      if (!pool.delete(w)) return;
      // A worker that never got set up was on no task: none is blamed, all go to the others (or the main thread).
      const current = w.ready ? w.inFlight[0] : undefined;
      const rest = w.ready ? w.inFlight.slice(1) : w.inFlight;
      w.inFlight = [];
      retry.push(...rest);
      retry.sort((a, b) => a - b);
      if (current !== undefined) settle(current, run.lost(current, reason));
      feed();
    };

    for (let i = 0; i < run.workers; i++) {
      const worker = new Worker(run.script, { workerData: run.workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      const entry: PoolWorker = { worker, inFlight: [], ready: false };
      pool.add(entry);
      worker.on('message', (message: WorkerMessage<Outcome>) => {
        if (failed) return;
        if ('ready' in message) {
          entry.ready = true;
          return;
        }
        entry.inFlight = entry.inFlight.filter((i) => i !== message.index);
        settle(message.index, message.outcome);
        feed();
      });
      worker.on('error', (e) => lose(entry, e));
      worker.on('exit', (code) => lose(entry, new Error(`a ${run.name} stopped (exit code ${code})`)));
    }
    feed();
  });
}
