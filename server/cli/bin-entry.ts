import { isMainThread } from 'node:worker_threads';
import { run } from './main.js';

// The bundle is also `strategy lint`'s worker entry (lint-workers.ts): a worker serves lint tasks, it does not run the command line.
if (isMainThread) run();
