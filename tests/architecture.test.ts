import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../db/index.js';

const PARTS = ['model', 'db', 'ingest', 'groups', 'server', 'client/src', 'gen', 'scripts', 'bench'];

function sourceFiles(dir: string): string[] {
  const full = path.join(PROJECT_ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

function resolveRelative(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '.ts');
  return fs.existsSync(target) ? target : null;
}

const files = PARTS.flatMap(sourceFiles);
const part = (file: string): string => path.relative(PROJECT_ROOT, file).split(path.sep)[0]!;

describe('architecture', () => {
  it('keeps the graph model free of I/O: it imports only zod and itself', () => {
    for (const file of files.filter((f) => part(f) === 'model')) {
      for (const specifier of imports(file)) {
        expect(specifier === 'zod' || specifier.startsWith('./'), `${file} imports ${specifier}`).toBe(true);
      }
    }
  });

  it('keeps the client away from server-side code: it shares only the model', () => {
    for (const file of files.filter((f) => part(f) === 'client')) {
      for (const specifier of imports(file)) {
        const target = resolveRelative(file, specifier);
        if (target) expect(['client', 'model'], `${file} imports ${specifier}`).toContain(part(target));
      }
    }
  });

  it('has no import cycles', () => {
    const graph = new Map(
      files.map((file) => [file, imports(file).flatMap((s) => resolveRelative(file, s) ?? [])]),
    );
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push(
          [...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(PROJECT_ROOT, f)).join(' → '),
        );
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
