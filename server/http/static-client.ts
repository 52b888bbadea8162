import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';

/**
 * The built client (`dist/client`) at `/`, when it exists. Every GET outside /api that is not a
 * file gets index.html, so the client's own routes survive a reload. Hashed assets are cached
 * for a year; index.html never, so a new build is picked up at once.
 */
export function staticClient(clientDir: string): Router | null {
  const indexFile = path.join(clientDir, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  const router = express.Router();
  router.use(
    express.static(clientDir, {
      index: false,
      setHeaders: (res, file) => {
        const immutable = file.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.use(spaFallback(indexFile));
  return router;
}

function spaFallback(indexFile: string): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  };
}

function isApiPath(requestPath: string): boolean {
  return requestPath === '/api' || requestPath.startsWith('/api/');
}
