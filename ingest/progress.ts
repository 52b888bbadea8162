import cliProgress from 'cli-progress';
import type { IngestProgress } from './pipeline.js';

/** A progress bar with documents per second and an ETA on a terminal; silent otherwise. */
export function progressReporter(stream: NodeJS.WriteStream): {
  update: (p: IngestProgress) => void;
  stop: () => void;
} {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        'ingest {bar} {percentage}% | {value}/{total} docs | {rate} docs/s | {failed} failed | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let begun = false;
  return {
    update: ({ done, total, failed }) => {
      const rate = Math.round(done / Math.max((performance.now() - started) / 1000, 0.001));
      if (!begun) {
        bar.start(total, done, { rate, failed });
        begun = true;
      } else bar.update(done, { rate, failed });
    },
    stop: () => {
      if (begun) bar.stop();
    },
  };
}
