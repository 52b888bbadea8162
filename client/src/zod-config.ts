import { z } from 'zod';

/**
 * Imported first, before any schema is built: zod's fast path compiles parsers with `new
 * Function`, which the server's CSP (no 'unsafe-eval') forbids, and even zod's probe for it is
 * reported as a violation. jitless skips both.
 */
z.config({ jitless: true });
