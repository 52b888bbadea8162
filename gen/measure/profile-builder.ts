import { addCount, bucket } from '../histogram.js';
import { emptyLayoutProfile, TABLE_SECTIONS, type CorpusProfile, type LayoutProfile } from '../profile.js';
import { isTitleCase, language, MARKERS, pageForm, queryKind, wordCount } from './classify.js';
import { nearEquivalence } from './near-equivalence.js';
import { RepetitionCounter } from './repetition.js';
import {
  layoutOf,
  listItems,
  sectionOf,
  splitDocument,
  type RawDocument,
  type RawTable,
} from './split-document.js';

export interface ProfileOptions {
  source: string;
  /** Near-equivalence is measured over the first `nearDocs` documents (quadratic in the worst case). */
  nearDocs?: number;
  /** Documents after which the distinct keywords and themes are recorded. */
  checkpoints?: number[];
}

const REPEATED = ['Keywords', 'Themes', ...TABLE_SECTIONS] as const;
const NAME_COLUMNS = new Set(['name', 'signal']);

/** Measures documents one at a time (the corpus, or generated text) into a CorpusProfile. */
export class ProfileBuilder {
  private readonly profile: CorpusProfile;
  private readonly counters: Record<string, RepetitionCounter>;
  private readonly nearNames: Record<string, string[][]> = {};
  private readonly nearDocs: number;

  constructor(options: ProfileOptions) {
    this.nearDocs = options.nearDocs ?? 100;
    const checkpoints = options.checkpoints ?? [];
    this.counters = Object.fromEntries(REPEATED.map((name) => [name, new RepetitionCounter(checkpoints)]));
    this.profile = {
      source: options.source,
      docs: 0,
      layouts: {},
      byLayout: {},
      category: {},
      type: {},
      titleWords: {},
      keywordWords: {},
      themeWords: {},
      nameWords: {},
      cellChars: {},
      summaryChars: {},
      relevancyValues: {},
      markers: {},
      tables: { all: 0, padded: 0 },
      repetition: {},
      growth: {},
      nearEquivalent: {},
    };
  }

  add(id: string, text: string): void {
    const doc = splitDocument(text);
    const profile = this.profile;
    const layout = layoutOf(doc);
    profile.docs++;
    addCount(profile.layouts, layout);
    const byLayout = (profile.byLayout[layout] ??= emptyLayoutProfile());
    byLayout.docs++;
    this.head(doc, byLayout);

    const keywords = listItems(sectionOf(doc, 'Keywords'));
    const themes = listItems(sectionOf(doc, 'Themes'));
    addCount(byLayout.keywords, keywords.items.length);
    addCount(byLayout.themes, themes.items.length);
    if (keywords.split || themes.split) {
      byLayout.split++;
      if (keywords.spaced || themes.spaced) byLayout.splitSpaced++;
    }
    for (const item of keywords.items) addCount(profile.keywordWords, wordCount(item));
    for (const item of themes.items) addCount(profile.themeWords, wordCount(item));
    this.counters.Keywords!.add(keywords.items);
    this.counters.Themes!.add(themes.items);

    const summary = sectionOf(doc, 'Summary')?.paragraphs.join(' ') ?? '';
    if (summary !== '') addCount(profile.summaryChars, bucket([...summary].length, 50));
    const french = language(`${doc.title}\n${summary}\n${keywords.items.join('\n')}`) === 'fr';
    if (french) byLayout.french++;

    for (const bullet of sectionOf(doc, 'Other')?.bullets ?? []) {
      const [key, ...rest] = bullet.split(':');
      const value = rest.join(':').trim();
      if (key?.trim() === 'Category') addCount(profile.category, value);
      if (key?.trim() === 'Type') addCount(profile.type, value);
    }
    this.tables(doc, byLayout, profile.docs <= this.nearDocs);
    this.closest(doc, id, byLayout);
    if (doc.trailingNewline) byLayout.trailingNewline++;
    for (const [name, pattern] of MARKERS) {
      if (name === 'accented letter' && french) continue;
      if (pattern.test(text)) addCount(profile.markers, name);
    }
  }

  private head(doc: RawDocument, byLayout: LayoutProfile): void {
    addCount(this.profile.titleWords, wordCount(doc.title));
    addCount(byLayout.titleStyle, doc.titleStyle);
    addCount(byLayout.query, queryKind(doc.url));
    if (doc.page === undefined) return;
    const form = pageForm(doc.page);
    addCount(byLayout.pageForm, form);
    if (doc.page !== doc.page.trim()) byLayout.pageSpace++;
    if (form === 'number') byLayout.pageNumbers.push(Number(doc.page));
    else if (/^\d{8}/.test(doc.page)) byLayout.pageDates.push(Number(doc.page.slice(0, 8)));
  }

  private tables(doc: RawDocument, byLayout: LayoutProfile, keepNames: boolean): void {
    const profile = this.profile;
    const seenNames = new Map<string, string>();
    let shared = false;
    let titleCase = 0;
    let sentenceCase = 0;
    for (const sectionName of TABLE_SECTIONS) {
      const section = sectionOf(doc, sectionName);
      const table = section?.tables[0];
      if (!table) {
        if (section) addCount((byLayout.rows[sectionName] ??= {}), 0);
        continue;
      }
      for (const each of section.tables) {
        profile.tables.all++;
        if (each.padded) profile.tables.padded++;
      }
      addCount((byLayout.rows[sectionName] ??= {}), table.rows.length);
      const header = table.header.map((cell) => cell.toLowerCase());
      if (sectionName === 'Signals')
        addCount(byLayout.signalsHeader, header.includes('signal') ? 'old' : 'new');
      if (sectionName === 'Technologies' && !header.includes('name') && header.includes('src'))
        byLayout.nameless++;
      const names = this.cells(sectionName, table, header);
      for (const name of names) {
        const key = name.toLowerCase();
        const other = seenNames.get(key);
        if (other !== undefined && other !== sectionName) shared = true;
        seenNames.set(key, sectionName);
        if (isTitleCase(name)) titleCase++;
        else sentenceCase++;
      }
      this.counters[sectionName]!.add(names);
      if (keepNames) (this.nearNames[sectionName] ??= []).push(names);
    }
    const factTables = ['Concerns', 'Behaviors', 'Technologies', 'Issues'].map(
      (name) => sectionOf(doc, name)?.tables[0],
    );
    if (factTables.some((table) => table?.header.some((cell) => cell.toLowerCase() === 'relevancy')))
      byLayout.relevancy++;
    if (shared) byLayout.sharedName++;
    if (sentenceCase > titleCase) byLayout.sentenceCase++;
  }

  /** Measures the cells of one table and returns its names. */
  private cells(sectionName: string, table: RawTable, header: string[]): string[] {
    const profile = this.profile;
    const names: string[] = [];
    const oldSignals = sectionName === 'Signals' && header.includes('signal');
    for (const row of table.rows) {
      row.forEach((cell, column) => {
        const name = header[column] ?? '';
        if (name === 'relevancy') addCount(profile.relevancyValues, cell);
        else if (name === 'src') return;
        else if (NAME_COLUMNS.has(name)) {
          names.push(cell);
          addCount((profile.nameWords[oldSignals ? 'Signals (old)' : sectionName] ??= {}), wordCount(cell));
        } else {
          const key = `${oldSignals ? 'Signals (old)' : sectionName}.${name}`;
          addCount((profile.cellChars[key] ??= {}), bucket([...cell].length, 10));
        }
      });
    }
    return names;
  }

  private closest(doc: RawDocument, id: string, byLayout: LayoutProfile): void {
    const section = sectionOf(doc, 'Closest');
    if (!section) return;
    let self = 0;
    let empty = 0;
    const others: string[] = [];
    for (const bullet of section.bullets) {
      const target = /\]\(([^)]*)\)\s*$/.exec(bullet)?.[1];
      if (target === undefined) empty++;
      else if (target === id) self++;
      else others.push(target);
    }
    byLayout.closest.push([section.bullets.length, self, others.length - new Set(others).size, empty]);
  }

  result(): CorpusProfile {
    const profile = this.profile;
    for (const [name, counter] of Object.entries(this.counters)) {
      profile.repetition[name] = counter.result();
      if (name === 'Keywords' || name === 'Themes') profile.growth[name] = counter.growth;
    }
    for (const [name, docs] of Object.entries(this.nearNames))
      profile.nearEquivalent[name] = nearEquivalence(docs);
    return profile;
  }
}
