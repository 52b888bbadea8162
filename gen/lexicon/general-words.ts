/** Everyday nouns: most single-word keywords of the corpus are words like these, each seen once. */
export const GENERAL_NOUNS: readonly string[] = unique(
  'essay odor memory ritual humor curiosity resilience optimization efficiency uncertainty infrastructure ' +
    'circumstances teams leadership creativity imagination attention boredom trust empathy loneliness ' +
    'craftsmanship design aesthetics architecture materials textiles ceramics timber concrete steel glass ' +
    'water rivers oceans forests soil weather rainfall drought floods storms glaciers deserts islands ' +
    'birds insects bees whales fungi bacteria viruses genes proteins neurons sleep dreams stress anxiety ' +
    'happiness nostalgia grief friendship marriage parenting childhood adolescence retirement aging ' +
    'cities villages suburbs streets bridges tunnels railways ports airports shipping containers ' +
    'supermarkets markets prices wages taxes subsidies tariffs debt savings pensions insurance contracts ' +
    'lawsuits courts patents copyright licensing standards audits compliance ethics philosophy theology ' +
    'language translation literature poetry novels cinema television radio music theatre photography ' +
    'museums libraries archives maps calendars clocks time measurement statistics forecasting scenarios ' +
    'foresight strategy planning governance bureaucracy elections protests activism volunteering charity ' +
    'philanthropy tourism hospitality hotels restaurants cooking recipes coffee tea chocolate wine beer ' +
    'bread cheese meat fish vegetables fruit spices sugar salt fertility pregnancy vaccines antibiotics ' +
    'surgery nursing pharmacies prescriptions diagnostics screening genomics microbiome nutrition fitness ' +
    'running cycling walking swimming football olympics esports toys puzzles chess magic comics anime ' +
    'fashion sneakers cosmetics perfume jewelry watches furniture lighting heating cooling ventilation ' +
    'plumbing electricity batteries magnets lasers sensors cameras microphones speakers headphones ' +
    'keyboards printers routers cables satellites rockets telescopes microscopes robots drones tractors ' +
    'trucks buses trains ferries bicycles scooters helmets seatbelts traffic congestion parking ' +
    'noise light pollution waste recycling packaging plastics textiles repair maintenance obsolescence ' +
    'labor unions strikes layoffs hiring interviews resumes internships mentoring apprenticeships ' +
    'universities schools teachers students homework exams grading tutoring scholarships funding grants ' +
    'startups incubators accelerators mergers acquisitions bankruptcy monopolies cartels lobbying ' +
    'transparency accountability corruption whistleblowers leaks journalism editors headlines podcasts ' +
    'newsletters blogs forums wikis search encyclopedias dictionaries grammar spelling handwriting ' +
    'typewriters telegraph telephones postcards letters stamps envelopes signatures passports borders ' +
    'migration refugees citizenship identity census demographics fertility longevity mortality ' +
    'volcanoes earthquakes tsunamis avalanches wildfires hurricanes monsoons tides coral reefs mangroves ' +
    'wetlands prairies meadows orchards vineyards gardens compost seeds pollinators wolves bears foxes deer ' +
    'horses cattle sheep goats pigs chickens salmon tuna sharks octopuses jellyfish squid krill plankton ' +
    'algae lichens mosses ferns redwoods oaks bamboo cotton wool silk leather rubber cork clay sand gravel ' +
    'copper lithium cobalt nickel uranium gold silver diamonds oil gas coal peat methane ozone nitrogen ' +
    'phosphorus carbon hydrogen helium neon mirrors lenses prisms pigments dyes inks paper cardboard ' +
    'bottles cans jars tools hammers knives needles looms kilns forges mills windmills waterwheels dams ' +
    'canals aqueducts lighthouses castles cathedrals monasteries temples mosques synagogues pyramids ' +
    'ruins fossils dinosaurs mammoths meteorites comets eclipses constellations horoscopes tarot rituals ' +
    'festivals carnivals parades weddings funerals birthdays holidays vacations cruises camping hiking ' +
    'climbing skiing surfing sailing rowing fishing hunting gardening knitting baking brewing pottery ' +
    'woodworking carpentry welding masonry tailoring embroidery calligraphy origami karaoke dancing ' +
    'ballet opera jazz hip-hop punk vinyl cassettes synthesizers guitars pianos violins drums choirs ' +
    'orchestras concerts festivals playlists lyrics memes emojis hashtags selfies avatars usernames ' +
    'passwords captchas spam cookies bots trolls scams hoaxes rumors gossip etiquette manners politeness ' +
    'honesty loyalty courage patience wisdom nostalgia awe wonder serendipity solitude silence ' +
    'procrastination habits routines mornings commutes weekends overtime paperwork meetings deadlines ' +
    'spreadsheets slides whiteboards sticky-notes notebooks diaries journals memoirs biographies ' +
    'obituaries interviews surveys polls referendums petitions manifestos slogans propaganda censorship ' +
    'satire parody irony sarcasm cynicism optimism pessimism utopias dystopias prophecy ' +
    'abundance scarcity austerity prosperity poverty wealth inheritance philanthropy generosity ' +
    'negotiation diplomacy treaties alliances embargoes blockades ceasefires peacekeeping reconstruction ' +
    'sovereignty autonomy federalism secession referendum constitution parliament senate ministries ' +
    'agencies regulators ombudsman tribunals juries verdicts appeals sentencing prisons parole policing ' +
    'forensics evidence testimony witnesses detectives investigations subpoenas hearings inquiries ' +
    'scandals resignations impeachment coalitions manifestos campaigns canvassing turnout ballots ' +
    'gerrymandering redistricting polling pundits commentators columnists editorials op-eds paywalls ' +
    'subscriptions advertisers sponsorships endorsements influencers followers audiences ratings ' +
    'algorithms feeds timelines notifications inboxes calendars reminders dashboards metrics analytics ' +
    'benchmarks leaderboards rankings scorecards audits certifications accreditation licenses permits ' +
    'inspections recalls warranties refunds complaints lawsuits settlements arbitration mediation ' +
    'customs logistics warehouses freight pallets forklifts cranes barges tankers pipelines refineries ' +
    'smelters foundries quarries mines tailings slag emissions smog haze soot particulates allergens ' +
    'pollen mold asbestos lead mercury arsenic microplastics pesticides herbicides fungicides antibiotics ' +
    'hormones enzymes probiotics supplements vitamins minerals electrolytes caffeine nicotine alcohol ' +
    'cannabis psychedelics opioids painkillers anesthesia stethoscopes thermometers ventilators ' +
    'wheelchairs prosthetics implants pacemakers hearing-aids eyeglasses contact-lenses braces ' +
    'orthodontics dentistry dermatology cardiology oncology neurology psychiatry pediatrics geriatrics ' +
    'obstetrics midwifery hospice palliation rehabilitation physiotherapy acupuncture homeopathy ' +
    'placebo nocebo epidemiology virology immunology toxicology pharmacology genetics epigenetics ' +
    'evolution ecology botany zoology entomology ornithology mycology geology seismology meteorology ' +
    'oceanography glaciology volcanology astronomy astrophysics cosmology particle-physics optics ' +
    'acoustics thermodynamics mechanics hydraulics pneumatics robotics cybernetics informatics ' +
    'cryptology linguistics phonetics semantics rhetoric logic ethics aesthetics metaphysics ' +
    'epistemology ontology hermeneutics phenomenology existentialism stoicism pragmatism humanism ' +
    'rationalism romanticism modernism postmodernism minimalism brutalism baroque gothic renaissance ' +
    'enlightenment industrialization colonialism decolonization globalization urbanization ' +
    'suburbanization gentrification depopulation emigration diaspora assimilation multiculturalism ' +
    'bilingualism dialects slang idioms proverbs riddles limericks sonnets haiku epics sagas fables ' +
    'fairy-tales legends myths parables sermons hymns chants mantras prayers pilgrimages sanctuaries ' +
    'shrines relics icons murals mosaics frescoes sculptures installations exhibitions biennales ' +
    'auctions collectors curators galleries studios workshops residencies fellowships sabbaticals ' +
    'tenure dissertations theses lectures seminars symposia conferences keynotes panels webinars ' +
    'hackathons bootcamps makerspaces fablabs coworking cohousing communes kibbutzim cooperatives ' +
    'credit-unions microfinance remittances pawnshops lotteries casinos betting bookmakers arcades ' +
    'bowling billiards darts archery fencing wrestling boxing judo karate yoga pilates meditation ' +
    'mindfulness journaling gratitude kindness forgiveness compassion altruism reciprocity solidarity',
);

/** Adjectives any topic can use to make a keyword or theme specific. */
export const GENERAL_MODIFIERS: readonly string[] = (
  'new local global digital public urban rural early future national regional private personal ' +
  'social economic ethical cultural political long-term small-scale'
).split(' ');

function unique(words: string): readonly string[] {
  return [...new Set(words.split(' '))];
}
