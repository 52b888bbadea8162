import { documentId } from './doc-id.js';
import type { DocumentHead, DocumentSource } from './document-head.js';
import { MARKERS } from './measure/classify.js';
import { HEAD, PLACES, TOPIC_LIST, type Topic } from './lexicon/index.js';
import type { CorpusProfile, GeneratedLayout } from './profile.js';
import { rngFor, seedKey, type Rng } from './prng.js';
import { renderDocument, type DocumentModel } from './render/document.js';
import { profileSamplers, rate, type LayoutSamplers, type ProfileSamplers } from './samplers.js';
import { closestLinks } from './text/closest.js';
import { DEFAULT_FAMILY_PARAMS, FamilySpace, type Family, type FamilyParams } from './text/families.js';
import { englishTitle, externalUrl, frenchTitle, page, pageDate, trackingQuery } from './text/head-line.js';
import { drifted, driftOf } from './time-drift.js';
import { drawList } from './text/lists.js';
import { Phraser, type Voice } from './text/phrasing.js';
import { englishSummary, frenchSummary } from './text/summary.js';
import { buildTable, type TableContext } from './text/tables.js';
import { orgName, Vocabulary, type ListKind, type VocabularyParams } from './text/vocabulary.js';

/** The random streams of a document, so that each part can be replayed alone. */
const STREAM = { head: 1, Keywords: 2, body: 3, Themes: 4, drift: 5 } as const;

/** Names of the head lists: too common to make a table name specific to its document. */
const HEAD_NAMES = new Set([...HEAD.Keywords, ...HEAD.Themes].map((term) => term.name));

/** Share of documents in British spelling (the corpus mixes both; not measured, as it is per word). */
const BRITISH_SHARE = 0.2;

export interface GeneratorOptions {
  seed: string;
  /** Number of documents: Closest lists name documents among these. */
  docs: number;
  profile: CorpusProfile;
  vocabulary: Record<ListKind, VocabularyParams>;
  families?: FamilyParams;
}

export interface GeneratedDocument {
  index: number;
  id: string;
  /** Path below the output folder: `ab/ab….md`, sharded by the first two hex characters. */
  file: string;
  text: string;
  layout: GeneratedLayout;
  french: boolean;
  split: boolean;
}

export class CorpusGenerator implements DocumentSource {
  readonly key: number;
  readonly samplers: ProfileSamplers;
  readonly families: FamilySpace;
  readonly vocabularies: Record<ListKind, Vocabulary>;
  private readonly topicsByCategory = new Map<string, Topic[]>();

  constructor(readonly options: GeneratorOptions) {
    this.key = seedKey(options.seed);
    this.samplers = profileSamplers(options.profile);
    this.families = new FamilySpace(this.key, options.families ?? DEFAULT_FAMILY_PARAMS);
    this.vocabularies = {
      Keywords: new Vocabulary('Keywords', this.key ^ 0x4b57, options.vocabulary.Keywords),
      Themes: new Vocabulary('Themes', this.key ^ 0x5448, options.vocabulary.Themes),
    };
    for (const topic of TOPIC_LIST) {
      for (const category of topic.categories) {
        const list = this.topicsByCategory.get(category) ?? [];
        list.push(topic);
        this.topicsByCategory.set(category, list);
      }
    }
  }

  get docs(): number {
    return this.options.docs;
  }

  layoutSamplers(layout: GeneratedLayout): LayoutSamplers {
    return this.samplers.byLayout[layout];
  }

  /** Layout and topic only: the first draws of the head stream, cheap enough to try many documents. */
  topicOf(index: number): Topic {
    return this.start(rngFor(this.key, index, STREAM.head)).topic;
  }

  private start(rng: Rng): { layout: GeneratedLayout; french: boolean; category: string; topic: Topic } {
    const layout = this.samplers.layout.sample(rng) as GeneratedLayout;
    const measured = this.layoutSamplers(layout).profile;
    const french = rng.chance(rate(measured.french, measured.docs));
    const category = this.samplers.category.sample(rng);
    const topic = rng.pick(this.topicsByCategory.get(category) ?? TOPIC_LIST);
    return { layout, french, category, topic };
  }

  head(index: number): DocumentHead {
    const rng = rngFor(this.key, index, STREAM.head);
    const { layout, french, category, topic } = this.start(rng);
    const measured = this.layoutSamplers(layout).profile;
    const anchor = this.families.anchor(rng, topic);
    const voice: Voice = {
      british: rng.chance(BRITISH_SHARE),
      sentenceCase: rng.chance(rate(measured.sentenceCase, measured.docs)),
      org: orgName(rng.int(1 << 30), this.key, rng.chance(0.5)),
      place: rng.pick(PLACES),
    };
    const markers = new Set<string>();
    const profile = this.options.profile;
    for (const [name] of MARKERS) {
      if (rng.chance(rate(profile.markers[name] ?? 0, profile.docs))) markers.add(name);
    }
    const words = this.samplers.titleWords.number(rng);
    const title = french
      ? frenchTitle(rng)
      : englishTitle(new Phraser(rng, voice), rng, anchor, this.families.angle(anchor, 0), words);
    return {
      index,
      id: documentId(this.key, index),
      layout,
      french,
      category,
      topic,
      anchor,
      voice,
      markers,
      title,
    };
  }

  /** Keywords or themes alone (each has its own stream), as the vocabulary fit simulates them. */
  list(head: DocumentHead, kind: ListKind, vocabulary: Vocabulary = this.vocabularies[kind]): string[] {
    const rng = rngFor(this.key, head.index, STREAM[kind]);
    const samplers = this.layoutSamplers(head.layout);
    const count = (kind === 'Keywords' ? samplers.keywords : samplers.themes).number(rng);
    return drawList(rng, head, vocabulary, count);
  }

  document(index: number): GeneratedDocument {
    const head = this.head(index);
    const keywords = this.list(head, 'Keywords');
    const themes = this.list(head, 'Themes');
    const rng = rngFor(this.key, index, STREAM.body);
    const samplers = this.layoutSamplers(head.layout);
    const measured = samplers.profile;
    const families = this.families.documentFamilies(rng, head.anchor, 4 + rng.int(4));
    const phraser = new Phraser(
      rng,
      head.voice,
      head.french ? [] : keywords.filter((term) => !HEAD_NAMES.has(term)),
    );

    const form = samplers.pageForm.sample(rng);
    // A drifting document draws a second date from a stream of its own, so the body stream, and
    // every other document, stay as they were.
    const drift = driftOf(head.topic, head.anchor);
    const pageText = page(rng, form, measured, (body) =>
      drifted(drift, pageDate(body, measured), () =>
        pageDate(rngFor(this.key, index, STREAM.drift), measured),
      ),
    );
    const spaced = rng.chance(rate(measured.pageSpace, measured.docs));
    const splitList = rng.chance(rate(measured.split, measured.docs));
    const summaryLength = this.samplers.summaryChars.number(rng) + rng.int(50);
    const model: DocumentModel = {
      id: head.id,
      layout: head.layout,
      titleStyle: samplers.titleStyle.sample(rng) === 'old' ? 'old' : 'new',
      title: head.title,
      page: spaced ? `${pageText} ` : pageText,
      url: externalUrl(rng, head.title, trackingQuery(rng, samplers.query.sample(rng))),
      keywords,
      themes,
      split: !splitList
        ? 'none'
        : rng.chance(rate(measured.splitSpaced, measured.split))
          ? 'spaced'
          : 'tight',
      category: head.category,
      type: this.samplers.type.sample(rng),
      summary: head.french
        ? frenchSummary(rng, summaryLength)
        : englishSummary(phraser, rng, families, head.markers, summaryLength),
      tables: {},
      closest: [],
      trailingNewline: rng.chance(
        Math.max(rate(measured.trailingNewline, measured.docs), TRAILING_NEWLINE_FLOOR),
      ),
    };
    this.fillTables(model, rng, phraser, families, head);
    if (head.layout === 'old') model.closest = closestLinks(this, rng, head, measured.closest);
    let text = renderDocument(model);
    if (head.markers.has('curly apostrophe')) text = curlApostrophes(text, rng);
    return {
      index,
      id: head.id,
      file: `${head.id.slice(0, 2)}/${head.id}.md`,
      text,
      layout: head.layout,
      french: head.french,
      split: splitList,
    };
  }

  private fillTables(
    model: DocumentModel,
    rng: Rng,
    phraser: Phraser,
    families: Family[],
    head: DocumentHead,
  ): void {
    const samplers = this.layoutSamplers(head.layout);
    const measured = samplers.profile;
    const relevancy = rng.chance(rate(measured.relevancy, measured.docs));
    const context: TableContext = {
      rng,
      phraser,
      samplers: this.samplers,
      families,
      relevancy,
      nameless: relevancy && rng.chance(rate(measured.nameless, measured.relevancy)),
      oldSignals: samplers.signalsHeader.sample(rng) === 'old',
      id: head.id,
    };
    for (const section of ['Signals', 'Concerns', 'Behaviors', 'Technologies', 'Issues'] as const) {
      const rows = samplers.rows[section];
      if (!rows) continue;
      model.tables[section] = buildTable(context, section, Math.max(1, rows.number(rng)));
    }
    if (rng.chance(rate(measured.sharedName, measured.docs))) shareName(model, rng);
    if (head.markers.has('underscores in a cell')) underscoreCell(model, rng);
  }
}

/**
 * The corpus has no trailing newline at all, but the seeds have some (4 of 30) and other
 * collections will: a small floor keeps both forms in every generated corpus.
 */
const TRAILING_NEWLINE_FLOOR = 0.03;

/** One table name repeated in another table of the same document, as the corpus often does. */
function shareName(model: DocumentModel, rng: Rng): void {
  const tables = Object.values(model.tables).filter(
    (table) => table.header[0] === 'name' && table.rows.length > 0,
  );
  if (tables.length < 2) return;
  const [from, to] = rng.shuffle([...tables]);
  const name = rng.pick(from!.rows)[0]!;
  const row = rng.pick(to!.rows) as string[];
  row[0] = name;
}

function underscoreCell(model: DocumentModel, rng: Rng): void {
  const table = model.tables.Concerns ?? model.tables.Signals;
  if (!table || table.rows.length === 0) return;
  const row = rng.pick(table.rows) as string[];
  const column = table.header.indexOf('description') >= 0 ? table.header.indexOf('description') : 1;
  row[column] = row[column]!.replace(/\.?$/, ', a kind of ____-washing.');
}

/** Curly apostrophes mixed with straight ones; one code point for another keeps tables aligned. */
function curlApostrophes(text: string, rng: Rng): string {
  return text.replace(/'/g, () => (rng.chance(0.8) ? '\u2019' : "'"));
}

export type { DocumentHead } from './document-head.js';
