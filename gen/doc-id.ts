import { mix32 } from './prng.js';

/**
 * 32 lowercase hex characters for document `index` of a seed: two 64-bit Feistel permutations of
 * the index. A Feistel network is a bijection whatever its round function, so the first 16 hex
 * characters alone already differ for every index: ids are distinct by construction, not by luck.
 */
export function documentId(key: number, index: number): string {
  return feistelHex(key, index, 0x243f6a88) + feistelHex(key, index, 0x85a308d3);
}

function feistelHex(key: number, index: number, salt: number): string {
  let left = Math.floor(index / 4294967296) >>> 0;
  let right = index >>> 0;
  for (let round = 0; round < 4; round++) {
    const next = (left ^ mix32(right ^ mix32(key ^ (salt + round)))) >>> 0;
    left = right;
    right = next;
  }
  return hex8(left) + hex8(right);
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}
