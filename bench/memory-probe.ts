/**
 * Loaded into the server by `bench/server-process.ts` (`node --expose-gc --import`), never by the
 * server itself: asked 'memory' over the IPC channel, it collects garbage and answers the process's
 * memory, so a benchmark can tell a leak (heap after GC growing) from garbage not yet collected.
 */
process.on('message', (message) => {
  if (message !== 'memory') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  process.send?.({ rss, heapUsed, heapTotal, external, afterGc: gc !== undefined });
});
// The channel must not keep the server alive once it has been asked to stop.
process.channel?.unref();
