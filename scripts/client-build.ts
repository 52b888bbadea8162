import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../db/index.js';

const CLIENT_DIST = path.join(PROJECT_ROOT, 'dist', 'client');
const CLIENT_INPUTS = ['client', 'model'].map((dir) => path.join(PROJECT_ROOT, dir));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the client with Vite unless dist/client is newer than every client and model source. */
export async function ensureClientBuilt(log: (line: string) => void): Promise<void> {
  const index = path.join(CLIENT_DIST, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (builtAt > Math.max(...CLIENT_INPUTS.map(newestMtime))) return;
  log('Building the client (Vite)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(PROJECT_ROOT, 'client', 'vite.config.ts'), logLevel: 'warn' });
}
