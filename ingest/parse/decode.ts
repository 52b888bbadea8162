import type { Diagnostic } from '../../model/index.js';
import { diagnostic } from './context.js';

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const NUL = 0x00;
const LF = 0x0a;

/**
 * Bytes → markdown text, or the reason there is none. Checks run cheapest first and the size check
 * comes before any decoding. The BOM is dropped (TextDecoder does it) and line endings become `\n`,
 * which keeps line numbers as they were and spares every later step from `\r`.
 */
export function decodeDocument(file: string, bytes: Uint8Array): { text: string } | { error: Diagnostic } {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return {
      error: diagnostic(
        file,
        undefined,
        'too-large',
        `${file} is ${mb} MB, over the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB limit for one document`,
      ),
    };
  }
  const nul = bytes.indexOf(NUL);
  if (nul !== -1) {
    const line = lineAt(bytes, nul);
    return {
      error: diagnostic(
        file,
        line,
        'binary',
        `${file} looks binary (NUL byte at line ${line}); not a markdown document`,
      ),
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = lineAt(bytes, offset);
    const byte = `0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    return {
      error: diagnostic(
        file,
        line,
        'not-utf8',
        `${file} is not UTF-8 (invalid byte ${byte} at line ${line}); convert the file to UTF-8`,
      ),
    };
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return {
      error: diagnostic(
        file,
        undefined,
        'empty',
        `${file} is empty${bytes.length > 0 ? ' (only whitespace)' : ''}`,
      ),
    };
  }
  return { text };
}

/** 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === LF) line++;
  return line;
}

/**
 * Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
 * Only called once decoding has failed, so it need not be fast.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      const low = k === 1 ? min : 0x80;
      const high = k === 1 ? max : 0xbf;
      if (next === undefined || next < low || next > high) return i;
    }
    i += length;
  }
  return bytes.length;
}
