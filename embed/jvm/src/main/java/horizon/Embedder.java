package horizon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Embeds short texts with all-MiniLM-L6-v2 (full precision, not the quantised jar: see BENCHMARKS.md,
 * "Concept groups"), from the model and tokenizer inside the
 * langchain4j jar: nothing is fetched at run time.
 *
 * <p>Protocol, one line each way: prints "READY dimensions=384" once loaded; then for every input
 * line holding a JSON array of strings, prints "OK " + base64 of the vectors (little-endian
 * float32, one after the other, each L2-normalised) or "ERR " + a one-line message. Ends at the end
 * of its input.
 */
public final class Embedder {
  private Embedder() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
    int dimensions = model.dimension();
    out.println("READY dimensions=" + dimensions);
    out.flush();
    ObjectMapper json = new ObjectMapper();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) continue;
      try {
        String[] texts = json.readValue(line, String[].class);
        List<TextSegment> segments = new ArrayList<>(texts.length);
        for (String text : texts) segments.add(TextSegment.from(text.isBlank() ? "-" : text));
        List<Embedding> embeddings = texts.length == 0 ? List.of() : model.embedAll(segments).content();
        ByteBuffer buffer =
            ByteBuffer.allocate(texts.length * dimensions * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (Embedding embedding : embeddings) {
          for (float value : embedding.vector()) buffer.putFloat(value);
        }
        out.println("OK " + Base64.getEncoder().encodeToString(buffer.array()));
      } catch (Exception error) {
        out.println("ERR " + String.valueOf(error.getMessage()).replaceAll("\\s+", " "));
      }
      out.flush();
    }
  }
}
