/**
 * The few ways reaching Neo4j fails, each with a one-line message that says what to do.
 * Matched by `name`, never by message text.
 */
export class Neo4jUnavailableError extends Error {
  override name = 'Neo4jUnavailableError';
}

export class Neo4jAuthError extends Error {
  override name = 'Neo4jAuthError';
}

export class JavaMissingError extends Error {
  override name = 'JavaMissingError';
}

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}
