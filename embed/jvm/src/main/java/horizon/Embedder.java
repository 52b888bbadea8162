package horizon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Embeds short texts with all-MiniLM-L6-v2 (full precision, not the quantised jar: see BENCHMARKS.md,
 * "Concept groups"), from the model and tokenizer inside the langchain4j jar: nothing is fetched
 * at run time. Many texts per ONNX Runtime call (BatchedMiniLm); `--reference` runs langchain4j's
 * own class instead, one call per text (Langchain4jMiniLm), for tests and benchmarks.
 * `--workers=N`: batches run side by side (default 2, this machine's cores); `--intra-op-threads=N`:
 * ONNX Runtime's threads inside one run (default 1, the cheapest per name: BENCHMARKS.md, "Cost").
 *
 * <p>Protocol, one line each way: prints "READY dimensions=384" once loaded; then for every input
 * line holding a JSON array of strings, prints "OK " + base64 of the vectors (little-endian
 * float32, one after the other, each L2-normalised) or "ERR " + a one-line message. Ends at the end
 * of its input.
 */
public final class Embedder {
  private Embedder() {}

  public static void main(String[] args) throws Exception {
    boolean reference = false;
    int workers = 2;
    int intraOpThreads = 1;
    for (String arg : args) {
      if (arg.equals("--reference")) reference = true;
      else if (arg.startsWith("--workers=")) workers = Integer.parseInt(arg.substring("--workers=".length()));
      else if (arg.startsWith("--intra-op-threads="))
        intraOpThreads = Integer.parseInt(arg.substring("--intra-op-threads=".length()));
      else throw new IllegalArgumentException("unknown argument " + arg);
    }
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    TextEncoder encoder = reference ? new Langchain4jMiniLm() : new BatchedMiniLm(workers, intraOpThreads);
    int dimensions = encoder.dimensions();
    out.println("READY dimensions=" + dimensions);
    out.flush();
    ObjectMapper json = new ObjectMapper();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) continue;
      try {
        float[][] vectors = encoder.embed(json.readValue(line, String[].class));
        ByteBuffer buffer =
            ByteBuffer.allocate(vectors.length * dimensions * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] vector : vectors) {
          for (float value : vector) buffer.putFloat(value);
        }
        out.println("OK " + Base64.getEncoder().encodeToString(buffer.array()));
      } catch (Exception error) {
        out.println("ERR " + String.valueOf(error.getMessage()).replaceAll("\\s+", " "));
      }
      out.flush();
    }
  }
}
