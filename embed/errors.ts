/** The ways embedding fails, each with a one-line message that says what to do. Matched by `name`. */
export class EmbedderError extends Error {
  override name = 'EmbedderError';
}
