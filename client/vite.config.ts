import { defineConfig } from 'vite';

/**
 * The client is built into dist/client, which the server serves at `/`. In dev (`npx vite --config
 * client/vite.config.ts`) /api is proxied to a server on 127.0.0.1:3000.
 */
export default defineConfig({
  root: decodeURIComponent(new URL('.', import.meta.url).pathname),
  base: '/',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // The Cypher editor is a lazily loaded chunk of its own (a full Cypher parser); the rest is small.
    chunkSizeWarningLimit: 1_400,
    modulePreload: { polyfill: false },
  },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  preview: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
