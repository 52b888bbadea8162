// Entry point of a parse worker thread. Worker threads do not inherit tsx's loader from the main
// thread, so register it here before loading the (TypeScript) parser. Piscina calls the default export.
import { register } from 'tsx/esm/api';

register();
const { parseDocument } = await import('./parse/index.ts');

export default parseDocument;
