import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { UnauthorizedError } from '../errors.js';

export const ACCESS_TOKEN_HELP =
  'send "Authorization: Bearer <HORIZON_TOKEN>", or basic auth with any user name and the token as password';

/**
 * Every request (API and client) must carry the token: as a bearer token, or as the password of
 * basic auth so that a browser asks for it once and sends it with the client's own requests.
 */
export function requireAccessToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    const given = presentedToken(req.headers);
    if (given !== null && timingSafeEqual(digest(given), expected)) return next();
    res.setHeader('WWW-Authenticate', 'Basic realm="Horizon Graph", charset="UTF-8"');
    next(
      new UnauthorizedError(
        `${given === null ? 'This server requires its access token' : 'Wrong access token'}: ${ACCESS_TOKEN_HELP}.`,
      ),
    );
  };
}

/** The header that carries the token, for the server's requests to itself. */
export function accessTokenHeaders(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

function presentedToken(headers: IncomingHttpHeaders): string | null {
  const [scheme, value] = (headers.authorization ?? '').trim().split(/\s+/, 2);
  if (!scheme || !value) return null;
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() !== 'basic') return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}

/** Equal-length digests, so the comparison takes the same time whatever was sent. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
