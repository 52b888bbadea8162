/**
 * The French documents: titles, keywords, themes and summary in French, tables in English (as in
 * the corpus). A small vocabulary is enough for 2% of the documents.
 */
export const FRENCH_NOUNS: readonly string[] = [
  'télétravail',
  'surveillance',
  'vie privée',
  'droit du travail',
  'réglementation',
  'intelligence artificielle',
  'données personnelles',
  'éducation',
  'santé publique',
  'énergie',
  'climat',
  'emploi',
  'numérique',
  'innovation',
  'mobilité',
  'agriculture',
  'biodiversité',
  'logement',
  'démocratie',
  'recherche',
  'pédagogie',
  'littérature',
  'science-fiction',
  'enseignement',
  'technologie',
  'villes',
  'économie',
  'réseaux sociaux',
  'désinformation',
  'transition énergétique',
];

export const FRENCH_MODIFIERS: readonly string[] = [
  'numérique',
  'durable',
  'européenne',
  'publique',
  'sociale',
  'urbaine',
  'éthique',
  'collective',
  'locale',
  'mondiale',
];

export const FRENCH_TITLES: readonly string[] = [
  'Les Défis de {x} : Entre Éthique et Droit',
  "L'impact de {x} sur {y}",
  'Comment {x} transforme {y}',
  '{x} et {y} : un nouvel équilibre',
  'Vers une {m} de {x} ?',
  'Les enjeux de {x} pour {y}',
];

export const FRENCH_SENTENCES: readonly string[] = [
  'Cet article explore la place de {x} dans {y} et les questions qu’elle soulève pour les citoyens.',
  "L'auteur soutient que {x} modifie en profondeur la façon dont {y} est organisée.",
  'Des cas récents montrent que {x} peut avoir des effets inattendus sur {y}.',
  'Le texte souligne la nécessité d’un cadre clair pour encadrer {x} et protéger les plus vulnérables.',
  'Selon les chercheurs, {y} devra s’adapter rapidement à {x} au cours des prochaines années.',
  'Il insiste sur le rôle des pouvoirs publics et des entreprises dans la transition vers {x}.',
  'Les critiques estiment que les promesses de {x} restent encore largement à démontrer.',
  'Enfin, l’article invite à une réflexion collective sur {y} et sur les choix qui nous attendent.',
];
