// The second thread of the large matrix products (src/core/matmul.ts): the worker of
// dist/xent-part.cjs, started on the first product large enough to share. Jobs are posted
// (their matrices are in SharedArrayBuffers, so nothing is copied), and the main thread,
// having done its own half, waits on a shared counter: the products stay synchronous calls.
import { existsSync } from 'node:fs';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { type ProductHelper, type ProductJob, runProductJob } from '../core/matmul.js';

/** What the worker is started with (workerData): `control` is [jobs done (−1: failed), started (1)]. */
export interface ProductStart {
  readonly kind: 'products';
  readonly control: Int32Array;
}

/** How long to wait for a worker that has not started before doing its jobs here. */
const START_TIMEOUT_MS = 10_000;

/** Starts a worker thread: node:worker_threads's Worker, loaded only when a product is large enough to share. */
export type StartWorker = (script: string, options: WorkerOptions) => Worker;

/** A helper started on first use, or none (no worker script, or it could not start). */
export function productHelper(workerScript: string, startWorker: StartWorker): () => ProductHelper | undefined {
  let helper: ProductHelper | undefined;
  // Looked for on first use, not at every start.
  let unavailable: boolean | undefined;
  return () => {
    unavailable ??= !existsSync(workerScript);
    if (helper || unavailable) return helper;
    try {
      const control = new Int32Array(new SharedArrayBuffer(8));
      const start: ProductStart = { kind: 'products', control };
      const worker = startWorker(workerScript, { workerData: start, stdout: false, stderr: false });
      worker.unref();
      let posted = 0;
      let pending: ProductJob[] = [];
      let alone = false;
      helper = {
        start(job) {
          if (alone) return runProductJob(job);
          posted++;
          pending.push(job);
          worker.postMessage(job);
        },
        wait() {
          for (;;) {
            const done = Atomics.load(control, 0);
            if (done === posted) {
              pending = [];
              return;
            }
            if (done < 0) throw new Error('the thread of the matrix products failed');
            const result = Atomics.wait(control, 0, done, START_TIMEOUT_MS);
            if (result === 'timed-out' && Atomics.load(control, 1) === 0) {
              // It never started: its jobs are done here (the same entries, the same digits).
              alone = true;
              for (const job of pending) runProductJob(job);
              pending = [];
              return;
            }
          }
        },
      };
    } catch {
      unavailable = true;
    }
    return helper;
  };
}

/** The worker's side: runs each job it is sent and counts it done. */
export function serveProducts(
  port: { on(event: 'message', listener: (job: ProductJob) => void): void },
  { control }: ProductStart,
): void {
  Atomics.store(control, 1, 1);
  port.on('message', (job) => {
    try {
      runProductJob(job);
      Atomics.add(control, 0, 1);
    } catch {
      Atomics.store(control, 0, -1);
    }
    Atomics.notify(control, 0);
  });
}
