import { z } from 'zod';
import {
  MeasureSchema,
  NodeLabelSchema,
  nodeId,
  parseNodeId,
  PeriodSchema,
  type NodeLabel,
  type TimeWindow,
} from '../../model/index.js';
import type { NodeTarget } from '../graph/node-ref.js';

/** Input schemas shared by several routes; each names its rule in the message a 400 carries. */

/** `<Label>:<key>` (model/ids.ts), optionally only of some labels. */
export function nodeIdInput(allowed?: readonly NodeLabel[]) {
  const labels = allowed ? ` with label ${allowed.join(' or ')}` : '';
  return z
    .string()
    .min(1)
    .max(4_000)
    .transform((value, ctx): NodeTarget => {
      const parsed = parseNodeId(value);
      if (!parsed || (allowed && !allowed.includes(parsed.label))) {
        ctx.addIssue({
          code: 'custom',
          message: `"${value.slice(0, 200)}" is not a node id${labels}: expected <Label>:<url-encoded key>, e.g. Theme:artificial%20intelligence`,
        });
        return z.NEVER;
      }
      return { ...parsed, id: nodeId(parsed.label, parsed.key) };
    })
    .meta({
      description: `A stable node id${labels}: \`<Label>:<url-encoded key>\`. URL-encode it once more inside a path.`,
      example: 'Theme:artificial%20intelligence',
    });
}

export function limitInput(defaultValue: number, max: number) {
  return z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(defaultValue)
    .meta({ description: `At most this many (1–${max}, default ${defaultValue}).` });
}

export function minCountInput(defaultValue: number) {
  return z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(defaultValue)
    .meta({ description: `Only pairs sharing at least this many articles (default ${defaultValue}).` });
}

export const measureInput = MeasureSchema.default('npmi').meta({
  description: 'Ranking measure: count, jaccard, lift or npmi (default npmi).',
});

/** `name=a,b` or `name=a&name=b`: a list of items each checked by `item`. */
export function commaListInput<T extends z.ZodType<unknown, string>>(item: T, size = { min: 0, max: 1_000 }) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((text) => text.split(','))
        .map((text) => text.trim())
        .filter((text) => text.length > 0),
    )
    .pipe(z.array(item).min(size.min).max(size.max));
}

/** `labels=Theme,Keyword` or `labels=Theme&labels=Keyword`. */
export const labelsInput = commaListInput(NodeLabelSchema).meta({
  description: 'Only nodes of these labels, comma-separated (e.g. Theme,Keyword).',
  example: 'Theme,Keyword',
});

export const booleanInput = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(defaultValue ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1')
    .meta({ description: `true or false (default ${defaultValue}).` });

export const periodInput = PeriodSchema.default('month').meta({
  description: 'Count per ISO week (from Monday), calendar month or quarter (default month).',
});

/** The window of a query validated by timeWindowSchema(): only the ends that were given. */
export function windowOf(query: { from?: string; to?: string }): TimeWindow {
  return { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) };
}

export const WINDOW_EXPLAINED =
  'With `from` and/or `to` (ISO dates, both days included) only articles dated in that window count: counts, measures and evidence are the window’s, and undated articles are left out.';

/** How deep arrays and objects nest in a JSON value; counted without recursion, as a hostile body may nest 50,000 deep. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}
