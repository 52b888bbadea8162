/**
 * What is at stake in a family of names, shared by all topics. `|` separates near-equivalent
 * wordings: singular/plural, other derivations, true synonyms (which a stem-based rule cannot see).
 */
export const ASPECTS: readonly string[] = [
  'bias|biases|discrimination',
  'privacy risks|privacy concerns|privacy erosion|loss of privacy',
  'surveillance|monitoring|tracking',
  'dependence|over-reliance|reliance|dependency',
  'inequality|inequalities|unequal access|inequity',
  'accessibility|access|affordability',
  'rising costs|costs|cost pressures|expense',
  'regulation|regulatory gaps|oversight|lack of regulation',
  'accountability|liability|responsibility',
  'transparency|lack of transparency|opacity',
  'misinformation|disinformation|false information',
  'security risks|security vulnerabilities|vulnerabilities|cyber risks',
  'job displacement|job losses|job cuts|worker displacement',
  'skills gaps|skill shortages|deskilling|skills deficits',
  'trust|public trust|erosion of trust|distrust',
  'environmental impact|environmental footprint|carbon footprint|emissions',
  'energy demand|energy consumption|power use|energy use',
  'market concentration|monopolies|consolidation|monopoly power',
  'burnout|stress|mental strain|exhaustion',
  'polarization|division|polarized debate',
  'exploitation|labor exploitation|exploitative practices',
  'safety risks|safety concerns|harms|safety hazards',
  'adoption|uptake|take-up|widespread adoption',
  'resilience|fragility|vulnerability to shocks',
  'ethical concerns|ethical dilemmas|ethics|moral questions',
  'misuse|abuse|weaponization|malicious use',
  'commercialization|monetization|profit motives',
  'standardization|interoperability|common standards',
  'displacement|gentrification|pushing out residents',
  'quality|declining quality|quality concerns',
];

/** Words that frame a name without changing what it is about. */
export const QUALIFIERS: readonly string[] = [
  'growing',
  'rising',
  'emerging',
  'potential',
  'increased',
  'widespread',
  'unchecked',
  'hidden',
  'long-term',
  'global',
  'new',
  'persistent',
  'accelerating',
  'systemic',
];
