import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Page } from 'playwright-core';
import { securityHeaders } from '../server/http/security.js';
import { staticClient } from '../server/http/static-client.js';
import { cypherAnswer, syntheticGraph } from './ui-graph.js';

/** What bench/ui.ts and bench/ui-profile.ts share: the stand-in API, the gestures, the trace reading. */

/**
 * The built client in `clientDir` behind the server's own CSP, with a stand-in API whose
 * POST /api/cypher answers `bench NODES EDGES` with a synthetic graph of that size.
 */
export async function startStandIn(clientDir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.use(securityHeaders());
  app.use(express.json({ limit: '100kb' }));
  app.get('/api/health', (_req, res) => {
    res.json({ status: 'ok', neo4j: { connected: true, version: 'bench stand-in' } });
  });
  app.post('/api/cypher', (req, res) => {
    const match = /bench\s+(\d+)\s+(\d+)/.exec(String(req.body?.query ?? ''));
    const nodes = Number(match?.[1] ?? 100);
    const edges = Number(match?.[2] ?? 200);
    res.json(cypherAnswer(syntheticGraph(nodes, edges)));
  });
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'not in the bench stand-in' } });
  });
  const client = staticClient(clientDir);
  if (!client) throw new Error(`No built client in ${clientDir}`);
  app.use(client);
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Four wheel zooms, then a drag across the canvas, as a user exploring the graph would. */
export async function zoomAndPan(page: Page): Promise<void> {
  const canvas = await page.locator('.graph-canvas').boundingBox();
  if (!canvas) return;
  const cx = canvas.x + canvas.width / 2;
  const cy = canvas.y + canvas.height / 2;
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 4; i += 1) {
    await page.mouse.wheel(0, -240);
    await page.waitForTimeout(120);
  }
  await page.mouse.down();
  for (let i = 0; i < 10; i += 1) await page.mouse.move(cx - i * 25, cy - i * 12, { steps: 2 });
  await page.mouse.up();
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Top-level tasks of the renderer's main thread, from a Chrome trace: start (µs), wall and CPU ms. */
export function mainThreadTasks(trace: Buffer): { ts: number; wallMs: number; cpuMs: number }[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  if (!main) return [];
  return events
    .filter(
      (event) =>
        event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.name === 'RunTask',
    )
    .map((event) => ({ ts: event.ts, wallMs: (event.dur ?? 0) / 1000, cpuMs: (event.tdur ?? 0) / 1000 }));
}
