/**
 * British → American spelling, word by word, before stemming: Porter stems "organisation" to
 * "organis" but "organization" to "organ", so the two spellings would never meet otherwise.
 * Rules cover the regular families (-our, -re, -ise/-isation, -yse); a word list covers the rest.
 * Every rule is written against false hits ("rise", "promise", "advertise", "hour", "acre").
 */

const WORDS: Readonly<Record<string, string>> = {
  ageing: 'aging',
  judgement: 'judgment',
  judgements: 'judgments',
  programme: 'program',
  programmes: 'programs',
  grey: 'gray',
  tyre: 'tire',
  tyres: 'tires',
  aluminium: 'aluminum',
  mould: 'mold',
  plough: 'plow',
  jewellery: 'jewelry',
  sceptic: 'skeptic',
  sceptical: 'skeptical',
  scepticism: 'skepticism',
  defence: 'defense',
  defences: 'defenses',
  offence: 'offense',
  offences: 'offenses',
  licence: 'license',
  licences: 'licenses',
  pretence: 'pretense',
  cheque: 'check',
  cheques: 'checks',
  kerb: 'curb',
  storey: 'story',
  storeys: 'stories',
  draught: 'draft',
  enrolment: 'enrollment',
  fulfil: 'fulfill',
  fulfilment: 'fulfillment',
  skilful: 'skillful',
  wilful: 'willful',
  manoeuvre: 'maneuver',
  manoeuvres: 'maneuvers',
  paediatric: 'pediatric',
  paediatrics: 'pediatrics',
  foetus: 'fetus',
  oestrogen: 'estrogen',
  anaemia: 'anemia',
  haemorrhage: 'hemorrhage',
  orthopaedic: 'orthopedic',
  encyclopaedia: 'encyclopedia',
  archeology: 'archaeology',
  archeological: 'archaeological',
  cosy: 'cozy',
  fuelled: 'fueled',
  fuelling: 'fueling',
  counsellor: 'counselor',
  counsellors: 'counselors',
  counselling: 'counseling',
  catalogue: 'catalog',
  catalogues: 'catalogs',
  dialogue: 'dialog',
  dialogues: 'dialogs',
  analogue: 'analog',
  practise: 'practice',
  practised: 'practiced',
  practising: 'practicing',
  whilst: 'while',
  amongst: 'among',
  towards: 'toward',
  learnt: 'learned',
  datacentre: 'datacenter',
  datacentres: 'datacenters',
};

/** Roots whose -our is -or in American English (labour, behaviour, colour, …); never "hour", "tour". */
const OUR =
  /^(behavi|col|fav|flav|harb|hon|hum|lab|neighb|rum|sav|vap|od|val|vig|rig|arm|clam|endeav|parl|tum|splend|cand|ard|ferv)our/;

/** -re → -er inside a word (centre, epicentre, kilometre, fibre); a closed list, never "acre" or "genre". */
const RE = /(cent|met|theat|fib|lit|calib|spect|somb|meag|lust|sab)re(s|d|ing)?$/;

/**
 * -ise family → -ize: at least three letters before "is", the last a consonant other than v, w or
 * "pr" (advise, otherwise, surprise, enterprise are not -ize words).
 */
const ISE = /^([a-z]{2,}[^aeiouyvw\d])is(e|es|ed|ing|er|ers|ation|ations|ational|able)$/;
const NOT_ISE = new Set([
  'exercis',
  'precis',
  'concis',
  'incis',
  'excis',
  'circumcis',
  'promis',
  'premis',
  'compromis',
  'demis',
  'surmis',
  'expertis',
  'advertis',
  'chastis',
  'treatis',
  'mortis',
  'franchis',
  'disenfranchis',
  'merchandis',
  'paradis',
  'sunris',
  'upris',
  'despis',
]);

/** -lyse → -lyze (analyse, paralyse, catalyse). */
const LYSE = /^(.*l)ys(e|es|ed|ing|er|ers)$/;

export function americanSpelling(word: string): string {
  const listed = WORDS[word];
  if (listed !== undefined) return listed;
  let out = word.replace(OUR, '$1or').replace(RE, '$1er$2');
  const ise = ISE.exec(out);
  if (ise) {
    const base = `${ise[1]}is`;
    if (!NOT_ISE.has(base) && !base.endsWith('pris')) out = `${ise[1]}iz${ise[2]}`;
  }
  return out.replace(LYSE, '$1yz$2');
}
