import { parseArgs } from 'node:util';

export interface GenArgs {
  docs: number;
  seed: string;
  /** Output folder; without it nothing is written (useful with --stats). */
  out: string | undefined;
  stats: boolean;
  concurrency: number;
  /** Measure the corpus and rewrite gen/fitted-defaults.ts. */
  writeDefaults: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run gen -- --docs N [--seed S] [--out DIR] [--stats] [--concurrency K]
       npm run gen -- --write-defaults

Writes N synthetic digests to DIR/<first two hex>/<id>.md, fitted to the corpus in
HORIZON_CORPUS (default ../shared/corpus/futures; recorded figures if it is absent).
  --seed S          any text; the same seed gives byte-identical documents (default 1)
  --stats           print measured distributions, real against generated
  --concurrency K   files written at once (default 16)
  --write-defaults  measure the corpus and rewrite gen/fitted-defaults.ts`;

export class ArgsError extends Error {
  override name = 'ArgsError';
}

export function parseGenArgs(argv: readonly string[]): GenArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      docs: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      stats: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '16' },
      'write-defaults': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  const args: GenArgs = {
    docs: Number(values.docs ?? 0),
    seed: values.seed,
    out: values.out,
    stats: values.stats,
    concurrency: Number(values.concurrency),
    writeDefaults: values['write-defaults'],
    help: values.help,
  };
  if (args.help || args.writeDefaults) return args;
  if (!Number.isSafeInteger(args.docs) || args.docs < 1)
    throw new ArgsError('--docs must be a positive integer');
  if (!Number.isSafeInteger(args.concurrency) || args.concurrency < 1) {
    throw new ArgsError('--concurrency must be a positive integer');
  }
  if (args.out === undefined && !args.stats) throw new ArgsError('give --out DIR, --stats, or both');
  return args;
}
