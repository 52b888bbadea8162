/**
 * Sentence templates per table column (keys as measured: `Section.column`), with the slots of
 * name-templates.ts plus {x} another aspect, {y} another domain, {z} another subject, {o} an
 * organisation and {p} a place named in the document.
 */
export const CELL_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  'Issues.description': [
    'The spread of {s} in {d} is raising questions about {a} and who bears the consequences',
    'Debates over {a} intensify as {s} becomes part of everyday decisions in {d}',
    '{s} is reshaping {d}, bringing {a} to the center of policy discussions',
    'Tension between the promised benefits of {s} and growing {a} in {d}',
    'How {d} can manage {a} while still making use of {s}',
    'The use of {s} by {o} shows how quickly {a} can become a public issue',
  ],
  'Concerns.description': [
    'The growing use of {s} in {d} could lead to {a} that is hard to detect or reverse',
    '{s} may deepen {a} in {d} if safeguards do not keep pace',
    'As {s} spreads across {d}, {a} becomes a pressing problem for regulators and users alike',
    'Reliance on {s} risks {a}, especially for people with little say over how it is deployed',
    'Without clear rules, {s} in {d} could entrench {a} and erode public confidence',
    "There's a risk that {a} goes unnoticed while attention stays on the promises of {s}",
  ],
  'Behaviors.description': [
    'People in {d} are increasingly turning to {s}, often without weighing {a}',
    'Organizations in {d} are experimenting with {s} to cut costs and save time',
    'A growing number of users adopt {s} despite concerns about {a}',
    'Users push back against {s} by demanding more control over {a}',
    'Professionals in {d} quietly build their own workarounds for the limits of {s}',
    "Consumers' expectations shift as {s} becomes a normal part of {d}",
  ],
  'Technologies.description': [
    'Tools that apply {t} to {d}, promising faster and cheaper results',
    '{t} designed to reduce {a} in {d}',
    'An approach using {t} that could make {s} more practical for {d}',
    'Systems built on {t} that help {d} monitor and manage {a}',
    'A new generation of {t} developed by {o} for {d}',
  ],
  'Signals.description': [
    '{s} is gaining ground in {d}',
    'Growing use of {s} in {d} signals a change in everyday practice',
    'Organizations in {d} are adopting {s} faster than expected',
    'Reports of {a} linked to {s} are becoming more frequent',
    '{o} is testing {s} with {d} in {p}',
  ],
  'Signals.change': [
    'From limited use of {s} to widespread adoption across {d}',
    'A shift from human judgment to {s} in {d}',
    'From ignoring {a} to treating it as a core concern in {d}',
    'This signals a move from voluntary guidelines to binding rules on {a}',
    'A change from experimentation with {s} to routine use in {d}',
  ],
  'Signals.10-year': [
    'In 10 years, {s} could become standard in {d}, with {a} managed by new rules',
    'In a decade, {d} may depend on {s} for most routine decisions',
    'Ten years from now, {a} linked to {s} may be a central political issue',
    'In 10 years, {d} could look very different as {s} matures',
    'By the mid-2030s, {s} may be as common in {d} as email is today',
  ],
  'Signals.driving-force': [
    'Pressure to cut costs and improve efficiency in {d}',
    'Public concern about {a} and demand for accountability',
    'Rapid advances in {s} and falling prices',
    'Competition among firms to lead in {s}',
    'Changing expectations of {d} and new regulation',
  ],
  'Signals (old).change': [
    'Cultural/Social',
    'Technological',
    'Scientific/Technological',
    'Economic',
    'Political',
    'From {D} to {S}',
    'Increase in {a}',
    'Shift towards {S}',
  ],
  'Signals (old).10y horizon': [
    'Widespread use of {s} in {d}',
    'More rules on {a} for {d}',
    '{s} becomes standard in {d}',
    'Greater awareness of {a}',
    'New business models around {s}',
  ],
  'Signals (old).driving force': [
    'Desire for efficiency and lower costs',
    'Concern about {a}',
    'Advances in {s}',
    'Demand for protection from {a}',
    'Curiosity and desire for improvement',
  ],
};

/** Clauses appended (before the full stop) until a cell reaches its drawn length. */
export const EXTENSIONS: readonly string[] = [
  ', particularly in {y}',
  ', raising concerns about {x}',
  ' as {z} becomes more common',
  ' and across other sectors',
  ', with uneven effects on smaller organizations',
  ', which could widen existing gaps',
  ' over the next few years',
  ', according to experts interviewed in the article',
  ' while regulators struggle to keep up',
];

export const SUMMARY_SENTENCES: readonly string[] = [
  'The article examines how {s} is changing {d}, drawing on recent examples and expert commentary.',
  'It highlights {a} as a central concern, noting that {d} may be affected unevenly.',
  "The author's main argument is that {s} offers real benefits but needs stronger safeguards against {a}.",
  'Several organizations, including {o}, have already introduced {z}, with mixed results for {y}.',
  'The piece also notes growing interest in {t} as a way to address {x}.',
  'Critics warn that without clear rules, {a} could undermine trust in {s}.',
  'Examples from {p} show how local conditions shape the outcome.',
  "It doesn't offer easy answers, but it maps the trade-offs between speed, cost and {x}.",
  'The text concludes by calling for closer collaboration between policymakers, companies and {d}.',
  'Supporters argue that {s} could make {y} more efficient, while skeptics point to {x}.',
];

export const TITLE_TEMPLATES: readonly string[] = [
  'How {S} Is Reshaping {D}',
  'The Rise of {S} in {D}',
  '{S} and the Future of {D}',
  '{o} Launches {T} for {D}',
  'Why {a} Matters for {D}',
  '{p} Tests {S} in {D}',
  'Exploring {a} in the Age of {S}',
  '{S}: {a} and {x} in {D}',
  'Understanding {S}: Challenges and Opportunities for {D}',
  'The Hidden Costs of {S}',
  'Can {S} Fix {D}?',
  'What {S} Means for {D}',
  'Navigating {a} as {S} Transforms {D}',
  'Inside the Push to Bring {S} to {D} in {p}',
  'How {S} Could Transform {D} and Why {a} Still Stands in the Way',
  'The Promise and Peril of {S}: What {a} Means for the Future of {D}',
  '{o} Bets on {S} to Tackle {a} in {D} Across {p}',
  'From {x} to {a}: The Growing Debate over {S} in {D}',
  'Rethinking {D} in an Era of {S}, {a} and Rapid Change',
  'Why Experts Say {S} Will Redefine {D} Within a Decade',
  'New Report Warns That {S} Could Deepen {a} in {D}',
];
