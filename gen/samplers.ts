import { Sampler, type Counts } from './histogram.js';
import {
  emptyLayoutProfile,
  GENERATED_LAYOUTS,
  type CorpusProfile,
  type GeneratedLayout,
  type LayoutProfile,
} from './profile.js';

export interface LayoutSamplers {
  profile: LayoutProfile;
  titleStyle: Sampler;
  pageForm: Sampler;
  query: Sampler;
  keywords: Sampler;
  themes: Sampler;
  signalsHeader: Sampler;
  rows: Record<string, Sampler>;
}

/** Every measured distribution the generator draws from, ready to sample. */
export interface ProfileSamplers {
  layout: Sampler;
  category: Sampler;
  type: Sampler;
  titleWords: Sampler;
  summaryChars: Sampler;
  relevancy: Sampler;
  nameWords: Record<string, Sampler>;
  cellChars: Record<string, Sampler>;
  byLayout: Record<GeneratedLayout, LayoutSamplers>;
}

function samplers(counts: Record<string, Counts>, fallback: string): Record<string, Sampler> {
  return Object.fromEntries(
    Object.entries(counts).map(([key, value]) => [key, new Sampler(value, fallback)]),
  );
}

/** Only the three generated layouts are drawn; a corpus with other layouts has them left out. */
export function profileSamplers(profile: CorpusProfile): ProfileSamplers {
  const layouts: Counts = {};
  for (const layout of GENERATED_LAYOUTS) layouts[layout] = profile.layouts[layout] ?? 0;
  const byLayout = Object.fromEntries(
    GENERATED_LAYOUTS.map((layout) => {
      const measured = profile.byLayout[layout] ?? emptyLayoutProfile();
      const samplersOfLayout: LayoutSamplers = {
        profile: measured,
        titleStyle: new Sampler(measured.titleStyle, layout === 'new' ? 'new' : 'old'),
        pageForm: new Sampler(measured.pageForm, 'date'),
        query: new Sampler(measured.query, 'none'),
        keywords: new Sampler(measured.keywords, layout === 'old' ? '10' : '6'),
        themes: new Sampler(measured.themes, layout === 'old' ? '3' : '5'),
        signalsHeader: new Sampler(measured.signalsHeader, layout === 'old' ? 'old' : 'new'),
        rows: samplers(measured.rows, '5'),
      };
      return [layout, samplersOfLayout];
    }),
  ) as Record<GeneratedLayout, LayoutSamplers>;
  return {
    layout: new Sampler(layouts, 'new'),
    category: new Sampler(profile.category, 'technology'),
    type: new Sampler(profile.type, 'news'),
    titleWords: new Sampler(profile.titleWords, '10'),
    summaryChars: new Sampler(profile.summaryChars, '700'),
    relevancy: new Sampler(profile.relevancyValues, '4'),
    nameWords: samplers(profile.nameWords, '4'),
    cellChars: samplers(profile.cellChars, '100'),
    byLayout,
  };
}

/** count / of, or 0 when nothing was measured. */
export function rate(count: number, of: number): number {
  return of > 0 ? count / of : 0;
}
