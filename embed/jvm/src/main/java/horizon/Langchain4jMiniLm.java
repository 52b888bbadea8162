package horizon;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The same model through langchain4j's own class, one ONNX call per text: the reference
 * BatchedMiniLm is checked against (tests/embed/batched.test.ts) and timed against (bench/embed.ts).
 * Blank text is embedded as "-", as BatchedMiniLm does; langchain4j would refuse it.
 */
final class Langchain4jMiniLm implements TextEncoder {
  private final EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

  @Override
  public int dimensions() {
    return model.dimension();
  }

  @Override
  public float[][] embed(String[] texts) {
    if (texts.length == 0) return new float[0][];
    List<TextSegment> segments = new ArrayList<>(texts.length);
    for (String text : texts) segments.add(TextSegment.from(text.isBlank() ? "-" : text));
    List<Embedding> embeddings = model.embedAll(segments).content();
    float[][] vectors = new float[texts.length][];
    for (int i = 0; i < vectors.length; i++) vectors[i] = embeddings.get(i).vector();
    return vectors;
  }
}
