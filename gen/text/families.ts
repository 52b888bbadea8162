import { drawRank, permute, rankAt, type ZipfMandelbrot } from '../fit/zipf.js';
import { ASPECT_LIST, TOPIC_LIST, type Topic, type Variants } from '../lexicon/index.js';
import { mix32, type Rng } from '../prng.js';

/**
 * A family: one subject, one domain and one aspect of a topic. Every signal, concern, behavior,
 * technology and issue is a fresh phrasing of a family; the family itself never appears in the text.
 */
export interface Family {
  topic: Topic;
  subject: number;
  domain: number;
  aspect: number;
}

export interface FamilyParams {
  /** How family ranks are drawn within a topic (a heavy tail: a few families recur often). */
  law: ZipfMandelbrot;
  /** Chance that each companion of the anchor (fixed per anchor) is discussed too. */
  companionChance: number;
  /** Share of the remaining families that are angles of the anchor: same subject and domain, another aspect. */
  angleShare: number;
  /** Share of the remaining families drawn from another topic. */
  crossShare: number;
}

export const DEFAULT_FAMILY_PARAMS: FamilyParams = {
  law: { scale: 30, exponent: 1.5 },
  companionChance: 0.8,
  angleShare: 0.3,
  crossShare: 0.1,
};

/**
 * Each anchor has this many companions (other families of its topic) and favoured angles: a
 * document about the anchor mentions them far more often than chance, which is what makes
 * co-occurring issue groups meaningful.
 */
const COMPANIONS = 2;
const ANGLES = 3;

export function subjectOf(family: Family): Variants {
  return family.topic.subjects[family.subject]!;
}

export function domainOf(family: Family): Variants {
  return family.topic.domains[family.domain]!;
}

export function aspectOf(family: Family): Variants {
  return ASPECT_LIST[family.aspect]!;
}

export function techOf(family: Family): Variants {
  const techs = family.topic.techs;
  return techs[(family.subject * 7 + family.aspect) % techs.length]!;
}

export class FamilySpace {
  constructor(
    private readonly key: number,
    readonly params: FamilyParams = DEFAULT_FAMILY_PARAMS,
  ) {}

  /** Family of rank `rank` in a topic: a keyed bijection of the topic's subject × domain × aspect grid. */
  family(topic: Topic, rank: number): Family {
    const subjects = topic.subjects.length;
    const domains = topic.domains.length;
    const size = subjects * domains * ASPECT_LIST.length;
    let index = permute(rank, size, mix32(this.key ^ (topic.index + 0x51ed27)));
    const subject = index % subjects;
    index = Math.floor(index / subjects);
    return { topic, subject, domain: index % domains, aspect: Math.floor(index / domains) };
  }

  anchor(rng: Rng, topic: Topic): Family {
    return this.family(topic, drawRank(rng, this.params.law));
  }

  /** The k-th favoured aspect of an anchor: fixed per family, so anchor and angle co-occur often. */
  angle(anchor: Family, k: number): Family {
    const hash = mix32(this.key ^ mix32(familyHash(anchor) * 7 + k));
    const aspect = (anchor.aspect + 1 + (hash % (ASPECT_LIST.length - 1))) % ASPECT_LIST.length;
    return { ...anchor, aspect };
  }

  /** The k-th companion of an anchor: a family of the same topic drawn from a hash of the anchor. */
  companion(anchor: Family, k: number): Family {
    const hash = mix32(this.key ^ mix32(familyHash(anchor) * 31 + k + 0x2545f491));
    return this.family(anchor.topic, rankAt((hash + 1) / 4294967297, this.params.law));
  }

  /** `count` distinct families for one document, the anchor first. */
  documentFamilies(rng: Rng, anchor: Family, count: number): Family[] {
    const families = [anchor];
    const seen = new Set([familyKey(anchor)]);
    const { companionChance, angleShare, crossShare } = this.params;
    for (let k = 0; k < COMPANIONS; k++) {
      const companion = this.companion(anchor, k);
      if (!rng.chance(companionChance) || seen.has(familyKey(companion))) continue;
      seen.add(familyKey(companion));
      families.push(companion);
    }
    for (let attempt = 0; families.length < count && attempt < count * 6; attempt++) {
      const roll = rng.float();
      let next: Family;
      if (roll < angleShare) next = this.angle(anchor, rng.int(ANGLES));
      else if (roll < 1 - crossShare) next = this.family(anchor.topic, drawRank(rng, this.params.law));
      else {
        const topic = TOPIC_LIST[rng.int(TOPIC_LIST.length)]!;
        next = this.family(topic, rankAt(rng.float(), this.params.law));
      }
      const key = familyKey(next);
      if (seen.has(key)) continue;
      seen.add(key);
      families.push(next);
    }
    return families;
  }
}

export function familyKey(family: Family): string {
  return `${family.topic.index}.${family.subject}.${family.domain}.${family.aspect}`;
}

function familyHash(family: Family): number {
  return ((family.topic.index * 64 + family.subject) * 64 + family.domain) * 64 + family.aspect;
}
