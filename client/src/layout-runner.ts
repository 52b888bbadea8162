import type { LayoutRequest, LayoutResponse, Positions } from './layout-protocol.js';

export class LayoutCancelled extends Error {
  override name = 'LayoutCancelled';
}

/**
 * One layout worker per canvas, started on first use. A new request supersedes the one in
 * flight: the old worker is terminated (fCoSE cannot be interrupted) and a fresh one started.
 */
export class LayoutRunner {
  private worker: Worker | null = null;
  private seq = 0;
  private pending: { seq: number; resolve: (p: Positions) => void; reject: (e: Error) => void } | null = null;

  run(request: Omit<LayoutRequest, 'seq'>): Promise<Positions> {
    if (this.pending) this.cancel();
    const worker = this.ensureWorker();
    this.seq += 1;
    const seq = this.seq;
    return new Promise<Positions>((resolve, reject) => {
      this.pending = { seq, resolve, reject };
      worker.postMessage({ ...request, seq } satisfies LayoutRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), {
      type: 'module',
      name: 'layout',
    });
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const reply = event.data;
      const pending = this.pending;
      if (!pending || pending.seq !== reply.seq) return;
      this.pending = null;
      if ('error' in reply) pending.reject(new Error(`Layout failed: ${reply.error}`));
      else pending.resolve(reply.positions);
    };
    worker.onerror = (event) => {
      const pending = this.pending;
      this.pending = null;
      this.worker?.terminate();
      this.worker = null;
      pending?.reject(new Error(`Layout worker failed: ${event.message}`));
    };
    this.worker = worker;
    return worker;
  }

  cancel(): void {
    if (!this.pending) return;
    this.pending.reject(new LayoutCancelled('superseded'));
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }
}
