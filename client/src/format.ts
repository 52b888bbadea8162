import { parseNodeId } from '../../model/index.js';

/** Display formatting of numbers and arbitrary values (Cypher results, node properties). */

export function formatNumber(value: number, digits = 3): string {
  if (Number.isInteger(value)) return value.toLocaleString('en');
  return value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return formatNumber(value, 4);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

export function humanise(name: string): string {
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

/** An ISO timestamp as a readable local date and time; anything else unchanged. */
export function formatDateTime(value: string | null): string | null {
  if (!value) return value;
  const date = new Date(value.replace(/(\.\d{3})\d+Z$/, '$1Z'));
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A node id as a person reads it: `Concern:misinformation in elections`, not `…%20in%20…`. */
export function displayId(id: string): string {
  const parsed = parseNodeId(id);
  return parsed ? `${parsed.label}:${parsed.key}` : id;
}
