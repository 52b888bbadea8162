const SMALL = new Set(
  'a an the and or but nor of in on at to for from with by via vs as into over per than amid'.split(' '),
);

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const isUpper = (code: number): boolean => code >= 65 && code <= 90;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Keeps parts that already carry capitals or digits (AI, LLMs, GenAI, RISC-V, COVID-19) as written. */
function titlePart(part: string, first: boolean): string {
  if (part === '') return part;
  const head = part.charCodeAt(0);
  if (isUpper(head)) return part;
  for (let i = 1; i < part.length; i++) {
    const code = part.charCodeAt(i);
    if (isUpper(code) || isDigit(code)) return part;
  }
  if (!first && SMALL.has(part)) return part;
  return head >= 97 && head <= 122 ? String.fromCharCode(head - 32) + part.slice(1) : capitalise(part);
}

function titleWord(word: string, first: boolean): string {
  if (word.indexOf('-') < 0) return titlePart(word, first);
  return word
    .split('-')
    .map((part, index) => titlePart(part, first && index === 0))
    .join('-');
}

export function titleCase(text: string): string {
  const words = text.split(' ');
  for (let i = 0; i < words.length; i++) words[i] = titleWord(words[i]!, i === 0);
  return words.join(' ');
}

export function sentenceCase(text: string): string {
  const head = text.charCodeAt(0);
  if (head >= 97 && head <= 122) return String.fromCharCode(head - 32) + text.slice(1);
  return head > 127 ? capitalise(text) : text;
}

/** `-ize`/`-ization` words and American spellings that a British-spelling document writes otherwise. */
const BRITISH: ReadonlyArray<[RegExp, string]> = [
  [
    /\b(organi|digitali|polari|moneti|commerciali|weaponi|normali|centrali|decentrali|priori|optimi|urbani|industriali|globali|standardi|stabili|utili|personali|mobili|democrati|radicali|categori|recogni|reali|emphasi|prioriti|minimi|maximi|capitali|criminali|sociali|speciali|revolutioni|moderni)z(e|es|ed|ing|ation|ations|er|ers)\b/gi,
    '$1s$2',
  ],
  [/\blabor\b/g, 'labour'],
  [/\bLabor\b/g, 'Labour'],
  [/\bcenter(s?)\b/g, 'centre$1'],
  [/\bCenter(s?)\b/g, 'Centre$1'],
  [/\bbehavior(s?)\b/g, 'behaviour$1'],
  [/\bneighborhood(s?)\b/g, 'neighbourhood$1'],
  [/\bNeighborhood(s?)\b/g, 'Neighbourhood$1'],
  [/\bdefense\b/g, 'defence'],
  [/\bDefense\b/g, 'Defence'],
  [/\baging\b/g, 'ageing'],
  [/\bfertilizer(s?)\b/g, 'fertiliser$1'],
  [/\bprogram(s?)\b/g, 'programme$1'],
];

const HAS_AMERICAN = /iz(e|ation)|labor|Labor|enter|ehavior|eighborhood|efense|aging|fertilizer|program/;

/** British spelling of a phrase (whole words only, so "size", "prize" and "citizen" are left alone). */
export function britishSpelling(text: string): string {
  if (!HAS_AMERICAN.test(text)) return text;
  let result = text;
  for (const [pattern, replacement] of BRITISH) result = result.replace(pattern, replacement);
  return result;
}
