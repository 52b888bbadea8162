/** Building blocks for proper names: people, organisations, places, web sites. */

export const FIRST_NAMES: readonly string[] = (
  'Ada Amara Anika Arjun Beatriz Camille Chen Dara Elena Emeka Farah Felix Greta Hana Ingrid Ivan Jonas Kai ' +
  'Kenji Lars Leila Lucas Maya Mei Nadia Noor Olga Omar Paolo Priya Quentin Rafael Rosa Sami Sara Sofia Tariq ' +
  'Theo Uma Vera Wanjiru Yusuf Zoe Aiko Bruno Carmen Diego Esther Femi Gabriel Ines Jakob Karin Liam Marta ' +
  'Nikolai Oskar Pia Rania Stefan Tomas Ulrike Viktor Wen Xavier Yara'
).split(' ');

export const LAST_NAMES: readonly string[] = (
  'Abara Alvarez Bakker Brennan Castillo Dahl Dubois Eriksen Fischer Gallo Haddad Ishikawa Jansen Kowalski ' +
  'Larsen Mbeki Moreau Nakamura Novak Okafor Oliveira Petrov Quinn Rahman Rossi Sato Schmidt Silva Tanaka ' +
  'Torres Ueda Varga Weber Xu Yilmaz Zhang Lindqvist Mendes Achterberg Rivers-Cofield Andersson Bianchi ' +
  'Chowdhury Costa Duarte Evans Farouk Grant Hoffmann Ivanova Jovanovic Kim Lopez Mwangi Nilsson Ortiz Park'
).split(' ');

/** Names with accents, for the documents that carry one (8% outside the French documents). */
export const ACCENTED_FIRST: readonly string[] =
  'Hélène José Søren Zoë Björn Chloé Renée André Jérôme Inès Zoé Łukasz'.split(' ');
export const ACCENTED_LAST: readonly string[] =
  'Núñez Müller Côté Lefèvre Åkesson Sánchez Doğan Jørgensen Ibáñez Štefan'.split(' ');
export const ACCENTED_PLACES: readonly string[] = [
  'Zürich',
  'São Paulo',
  'Montréal',
  'Bogotá',
  'Kraków',
  'Reykjavík',
  'Malmö',
  'Québec',
  'Curaçao',
  'Lancôme',
  'Nestlé',
  'Société Générale',
];

export const ORG_SYLLABLES: readonly string[] = (
  'al ar bel cor da del en fen gal hel in jor kel lum mar nex nor ol pra quin ra sol ta tel ul ver vin xa yor zen ' +
  'tri vo lex mo pix sen'
).split(' ');

export const ORG_SUFFIXES: readonly string[] = [
  'Labs',
  'AI',
  'Institute',
  'Foundation',
  'Robotics',
  'Energy',
  'Health',
  'Systems',
  'Group',
  'Capital',
  'Bio',
  'Networks',
];

export const PLACES: readonly string[] = [
  'London',
  'Paris',
  'Berlin',
  'Geneva',
  'Copenhagen',
  'Amsterdam',
  'Barcelona',
  'Lisbon',
  'Milan',
  'Seoul',
  'Tokyo',
  'Singapore',
  'Shenzhen',
  'Nairobi',
  'Lagos',
  'Mexico City',
  'Toronto',
  'San Francisco',
  'New York',
  'Texas',
  'California',
  'Australia',
  'India',
  'Brazil',
  'Japan',
  'Germany',
  'France',
  'Sweden',
  'Norway',
  'Finland',
  'Kenya',
  'Chile',
  'Scotland',
  'Wales',
];

/** Web sites that articles come from. */
export const SITES: readonly string[] = [
  'www.theverge.com',
  'arstechnica.com',
  'www.wired.com',
  'www.technologyreview.com',
  'theconversation.com',
  'www.theguardian.com',
  'www.bbc.com',
  'www.euronews.com',
  'www.nature.com',
  'www.newscientist.com',
  'techcrunch.com',
  'www.bloomberg.com',
  'www.ft.com',
  'www.economist.com',
  'www.axios.com',
  'restofworld.org',
  'www.404media.co',
  'spectrum.ieee.org',
  'www.fastcompany.com',
  'hbr.org',
  'www.dazeddigital.com',
  'aeon.co',
  'www.noemamag.com',
  'www.vox.com',
  'www.lemonde.fr',
  'www.heise.de',
  'www.cnil.fr',
  'www.vinnova.se',
  'en.wikipedia.org',
  'blog.example-lab.org',
  'medium.com',
  'substack.com',
  'www.ycombinator.com',
  'www.npr.org',
  'www.science.org',
  'www.sciencedaily.com',
];

/** Slug words of special digest issues (`20251231-a-yearly-review`). */
export const PAGE_SLUGS: readonly string[] = [
  'a-yearly-review',
  'the-year-ahead',
  'summer-reading',
  'special-edition',
  'looking-back',
  'reader-questions',
];
