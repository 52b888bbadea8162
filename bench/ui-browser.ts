import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../db/index.js';

/**
 * Headless Chromium and the built client, shared by bench/ui.ts and tests/e2e. The browser is
 * Debian's (/usr/bin/chromium, or CHROMIUM_PATH): nothing is downloaded.
 */
export const CLIENT_DIR = path.join(PROJECT_ROOT, 'dist', 'client');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** `vite build` of the client into dist/client (the same as `npm run build`). */
export async function buildClient(): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: path.join(PROJECT_ROOT, 'client', 'vite.config.ts'),
    logLevel: 'warn',
  });
}

/** Builds the client unless a build newer than every client source file exists. */
export async function ensureClientBuilt(): Promise<void> {
  const index = path.join(CLIENT_DIR, 'index.html');
  if (fs.existsSync(index) && !process.env.CI) {
    const built = fs.statSync(index).mtimeMs;
    const sources = [path.join(PROJECT_ROOT, 'client'), path.join(PROJECT_ROOT, 'model')].flatMap((dir) =>
      fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name)),
    );
    if (sources.every((file) => fs.statSync(file).mtimeMs < built)) return;
  }
  await buildClient();
}
