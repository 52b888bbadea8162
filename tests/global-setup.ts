import type { TestProject } from 'vitest/node';
import { neo4jUriFromEnv, remoteTargetFromEnv, startThrowawayNeo4j, type Neo4jTarget } from '../db/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTarget & { source: 'env' | 'testcontainers' | 'local' };
  }
}

/**
 * A real Neo4j for the whole run: NEO4J_URI if set; otherwise testcontainers when a Docker engine
 * answers; otherwise the project's local runner on a free port with a throw-away data folder.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const uri = neo4jUriFromEnv();
  if (uri) {
    project.provide('neo4j', { ...remoteTargetFromEnv(uri), source: 'env' });
    return async () => {};
  }

  const container = await startContainerIfDockerAnswers();
  if (container) {
    project.provide('neo4j', { ...container.target, source: 'testcontainers' });
    return container.stop;
  }

  const local = await startThrowawayNeo4j({
    name: 'horizon-test-neo4j',
    password: 'test-password-0',
    heap: '1g',
    pageCache: '256m',
    log: (line) => console.error(`[neo4j] ${line}`),
  });
  project.provide('neo4j', { ...local.target, source: 'local' });
  return local.stop;
}

async function startContainerIfDockerAnswers(): Promise<{
  target: Neo4jTarget;
  stop: () => Promise<void>;
} | null> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    return null;
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const password = 'test-password-0';
  const container = await new Neo4jContainer('neo4j:5.26-community').withPassword(password).start();
  return {
    target: { uri: container.getBoltUri(), user: 'neo4j', password, database: 'neo4j' },
    stop: async () => {
      await container.stop();
    },
  };
}
