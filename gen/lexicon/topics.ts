import type { TopicData } from './topic.js';
import { SCIENCE_TOPICS } from './topics-science.js';
import { SOCIETY_TOPICS } from './topics-society.js';
import { TECHNOLOGY_TOPICS } from './topics-technology.js';

export type { TopicData } from './topic.js';

export const TOPICS: readonly TopicData[] = [...TECHNOLOGY_TOPICS, ...SOCIETY_TOPICS, ...SCIENCE_TOPICS];
