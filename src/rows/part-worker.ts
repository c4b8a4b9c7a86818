// The worker thread's entry (bundled alone as dist/xent-part.cjs, so it starts without the
// CLI's commands, help and messages): it waits for the list of pieces, reads its share of
// them (src/rows/parallel.ts), sending each piece's state as it ends, and then its per-row
// results and what each piece gave.
import { parentPort, workerData } from 'node:worker_threads';
import { createSums } from '../commands/streams/sums.js';
import { type Piece, type WorkerMessage, type WorkerStart, readShare } from './parallel.js';
import { type ProductStart, serveProducts } from './product-thread.js';

// The same script serves the matrix products' second thread (src/rows/product-thread.ts).
if ((workerData as { kind?: string }).kind === 'products') {
  serveProducts(parentPort!, workerData as ProductStart);
} else {
  const { path, task, counter } = workerData as WorkerStart;
  const send = (message: WorkerMessage) => parentPort!.postMessage(message);
  parentPort!.once('message', (pieces: Piece[]) => {
    const sums = createSums(task, (state) => send({ kind: 'piece', state }));
    const take = () => Atomics.add(counter, 0, 1);
    const stop = () => Atomics.store(counter, 0, 1 << 30);
    void readShare(path, task.source, sums, pieces, take, stop).then((outcomes) =>
      send({ kind: 'done', rows: sums.rowsState(), outcomes }),
    );
  });
}
