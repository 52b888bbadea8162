import { Embedder } from '../../embed/embedder.js';
import { UnavailableError } from '../errors.js';

/**
 * The server's embedder for semantic search: the JVM starts on the first search (a second or two),
 * then stays; if it dies, the next search starts a new one. close() on shutdown.
 */
export class LazyEmbedder {
  private starting: Promise<Embedder> | null = null;

  constructor(private readonly start: () => Promise<Embedder> = () => Embedder.start()) {}

  async embed(text: string): Promise<Float32Array> {
    this.starting ??= this.start();
    let embedder: Embedder;
    try {
      embedder = await this.starting;
    } catch (error) {
      this.starting = null;
      throw new UnavailableError(
        `Semantic search needs the embedder, which could not start: ${(error as Error).message}`,
      );
    }
    try {
      return (await embedder.embed([text]))[0]!;
    } catch (error) {
      this.starting = null;
      throw new UnavailableError(`The embedder failed: ${(error as Error).message}`);
    }
  }

  async close(): Promise<void> {
    const starting = this.starting;
    this.starting = null;
    if (starting) await (await starting.catch(() => null))?.close();
  }
}
