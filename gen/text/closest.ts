import type { DocumentHead, DocumentSource } from '../document-head.js';
import type { Rng } from '../prng.js';

/** Tries to find a document of the same topic before settling for any. */
const SAME_TOPIC_TRIES = 10;

/**
 * A Closest list shaped like one of the corpus's (its length, how many self-links, repeated links
 * and empty bullets), naming other generated documents, preferably of the same topic.
 */
export function closestLinks(
  generator: DocumentSource,
  rng: Rng,
  head: DocumentHead,
  shapes: readonly number[][],
): Array<{ title: string; id: string } | null> {
  const [entries = 5, self = 0, repeated = 0, empty = 0] = shapes.length > 0 ? rng.pick(shapes) : [];
  const wanted = generator.docs > 1 ? Math.max(0, entries - self - empty) : 0;
  const fresh = Math.min(wanted, Math.max(wanted > 0 ? 1 : 0, wanted - repeated));
  const chosen: Array<{ title: string; id: string }> = [];
  const used = new Set([head.index]);
  for (let k = 0; k < fresh; k++) {
    const index = pickRelated(generator, rng, head, used);
    if (index === null) break;
    used.add(index);
    const target = generator.head(index);
    chosen.push({ title: target.title, id: target.id });
  }
  const links: Array<{ title: string; id: string } | null> = [...chosen];
  while (links.length < wanted && chosen.length > 0) links.push(rng.pick(chosen));
  while (links.length < entries - empty) links.push({ title: head.title, id: head.id });
  rng.shuffle(links);
  for (let k = 0; k < empty; k++) links.push(null);
  return links;
}

function pickRelated(
  generator: DocumentSource,
  rng: Rng,
  head: DocumentHead,
  used: Set<number>,
): number | null {
  const total = generator.docs;
  if (used.size >= total) return null;
  let candidate = -1;
  for (let attempt = 0; attempt < SAME_TOPIC_TRIES; attempt++) {
    candidate = rng.int(total);
    if (used.has(candidate)) continue;
    if (generator.topicOf(candidate) === head.topic) return candidate;
  }
  while (used.has(candidate)) candidate = (candidate + 1) % total;
  return candidate;
}
