/**
 * Hand-written issue names for the grouping tests: families that should group, and a background
 * of unrelated names that gives the IDF weights a realistic spread ("ai" common, most words rare).
 */

export const ENERGY_FAMILY = [
  'Energy Demand of AI Data Centers',
  'Rising Electricity Demand from Data Centres',
  "AI's Growing Energy Footprint",
  'Data Center Energy Use',
];

export const JOBS_FAMILY = ['Job Displacement by Automation', 'Automation-Driven Job Losses'];

export const REMOTE_WORK_FAMILY = [
  'Impact of Remote Work',
  'Working From Home and Employee Isolation',
  'Remote Work Isolation',
];

export const BACKGROUND = [
  'Data Privacy Concerns',
  'AI in Education',
  'AI Regulation Gaps',
  'Bias in AI Hiring Tools',
  'AI Companionship and Loneliness',
  'Generative AI in Creative Industries',
  'AI and Copyright Law',
  'Deepfake Legislation',
  'Ocean Warming and Coral Loss',
  'Urban Heat Islands',
  'Declining Birth Rates',
  'Aging Rural Populations',
  'Gig Economy Expansion',
  'Microplastics in Drinking Water',
  'Antibiotic Resistance',
  'Housing Affordability Crisis',
  'Misinformation on Social Media',
  'Youth Mental Health and Smartphones',
  'Space Debris Accumulation',
  'Rare Earth Supply Chains',
  'Quantum Computing and Encryption',
  'Food Delivery Platform Labour',
  'Wildfire Smoke Exposure',
  'Lab-Grown Meat Acceptance',
  'Water Scarcity in Agriculture',
  'Drone Warfare Escalation',
  'Loneliness Among Older Adults',
  'Cryptocurrency Fraud',
  'Electric Vehicle Battery Recycling',
  'Nuclear Plant Decommissioning',
];

export const ALL_NAMES = [...ENERGY_FAMILY, ...JOBS_FAMILY, ...REMOTE_WORK_FAMILY, ...BACKGROUND];

export function issuesOf(names: readonly string[]): { key: string; name: string }[] {
  return names.map((name) => ({ key: name.toLowerCase(), name }));
}
