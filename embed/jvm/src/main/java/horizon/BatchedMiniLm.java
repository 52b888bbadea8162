package horizon;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * all-MiniLM-L6-v2 run on many texts per ONNX Runtime call, giving the vectors langchain4j's
 * AllMiniLmL6V2EmbeddingModel gives (within float noise: tests/embed/batched.test.ts), which runs
 * one call per text. Texts are sorted by token count and cut into batches, so padding stays small;
 * padded positions are masked out of attention and of the mean.
 *
 * <p>What langchain4j does, and is done here the same way: the tokenizer of the jar with padding
 * off and its own truncation (128 tokens, so the 510-token split langchain4j has for longer input
 * never happens with this model: a long text is embedded by its first 126 word pieces); mean over
 * every token of the sequence ([CLS] and [SEP] included), then L2-normalised, in float, in the same
 * order. Two differences: langchain4j encodes the word pieces joined back into a sentence
 * (`buildSentence`), which gives the same pieces (checked on the 19,358 names of 1,000 generated
 * documents and on long texts cut inside a word), so the text's own encoding is used here; and a
 * text with no word piece (blank, or only zero-width or control characters) is embedded as "-",
 * where langchain4j refuses it.
 */
final class BatchedMiniLm implements TextEncoder {
  static final String MODEL = "all-minilm-l6-v2.onnx";
  static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";
  private static final String STAND_IN = "-";
  /**
   * Padded tokens per ONNX call at most (~60 names): measured, 256 to 1,024 cost the least CPU per
   * name, 8,192 twice as much (BENCHMARKS.md, "Cost").
   */
  private static final int TOKENS_PER_RUN = 512;
  private static final int TEXTS_PER_RUN = 64;

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final boolean takesTokenTypes;
  private final HuggingFaceTokenizer tokenizer;
  private final int dimensions;
  /** Runs batches side by side (null: one at a time, in the calling thread). */
  private final ExecutorService workers;

  /**
   * @param workers batches run side by side, each on one session (ONNX Runtime's run is thread-safe)
   * @param intraOpThreads ONNX Runtime's threads inside one run: 1 is cheapest per name at these
   *     sizes; 2 costs ~1.6× the CPU for the same names (small matrices, threads waiting on each other)
   */
  BatchedMiniLm(int workers, int intraOpThreads) throws Exception {
    this.workers = workers > 1 ? Executors.newFixedThreadPool(workers, BatchedMiniLm::daemon) : null;
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(intraOpThreads);
    options.setInterOpNumThreads(1);
    session = environment.createSession(resource(MODEL), options);
    takesTokenTypes = session.getInputNames().contains("token_type_ids");
    try (InputStream json = getClass().getClassLoader().getResourceAsStream(TOKENIZER)) {
      tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"));
    }
    dimensions = embed(new String[] {"probe"})[0].length;
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "embedder-worker");
    thread.setDaemon(true);
    return thread;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = BatchedMiniLm.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) throw new IOException(name + " is not on the classpath");
      return in.readAllBytes();
    }
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public float[][] embed(String[] texts) throws OrtException, InterruptedException, ExecutionException {
    if (texts.length == 0) return new float[0][];
    Encoding[] encodings = encode(texts);
    Integer[] order = new Integer[texts.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
    float[][] vectors = new float[texts.length][];
    List<Future<?>> runs = new ArrayList<>();
    int from = 0;
    while (from < order.length) {
      int to = from + 1;
      // Sorted, so the last text of a batch is its longest: the batch is (to - from) × that length.
      while (to < order.length
          && to - from < TEXTS_PER_RUN
          && (to - from + 1) * encodings[order[to]].getIds().length <= TOKENS_PER_RUN) to++;
      Integer[] batch = Arrays.copyOfRange(order, from, to);
      if (workers == null) run(batch, encodings, vectors);
      else runs.add(workers.submit(() -> run(batch, encodings, vectors)));
      from = to;
    }
    for (Future<?> pending : runs) pending.get();
    return vectors;
  }

  /** Blank text, and text with no word piece (only zero-width or control characters), as "-". */
  private Encoding[] encode(String[] texts) {
    String[] prepared = new String[texts.length];
    for (int i = 0; i < texts.length; i++) prepared[i] = texts[i].isBlank() ? STAND_IN : texts[i];
    Encoding[] encodings = tokenizer.batchEncode(prepared, true, false);
    for (int i = 0; i < texts.length; i++) {
      // [CLS] and [SEP] only.
      if (encodings[i].getIds().length <= 2) encodings[i] = tokenizer.encode(STAND_IN, true, false);
    }
    return encodings;
  }

  private Void run(Integer[] batch, Encoding[] encodings, float[][] vectors) throws OrtException {
    int rows = batch.length;
    int width = encodings[batch[rows - 1]].getIds().length;
    long[] ids = new long[rows * width];
    long[] mask = new long[rows * width];
    long[] types = new long[rows * width];
    for (int r = 0; r < rows; r++) {
      Encoding encoding = encodings[batch[r]];
      System.arraycopy(encoding.getIds(), 0, ids, r * width, encoding.getIds().length);
      System.arraycopy(encoding.getAttentionMask(), 0, mask, r * width, encoding.getIds().length);
      System.arraycopy(encoding.getTypeIds(), 0, types, r * width, encoding.getIds().length);
    }
    long[] shape = {rows, width};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
      inputs.put("input_ids", idsTensor);
      inputs.put("attention_mask", maskTensor);
      if (takesTokenTypes) inputs.put("token_type_ids", typesTensor);
      try (OrtSession.Result result = session.run(inputs)) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        int size = (int) (hidden.capacity() / ((long) rows * width));
        for (int r = 0; r < rows; r++) {
          vectors[batch[r]] = normalise(meanOfTokens(hidden, r, width, encodings[batch[r]].getIds().length, size));
        }
      }
    }
    return null;
  }

  /** Sum of the row's real tokens in order, then divided by their count: langchain4j's arithmetic. */
  private static float[] meanOfTokens(FloatBuffer hidden, int row, int width, int length, int size) {
    float[] mean = new float[size];
    for (int t = 0; t < length; t++) {
      int at = (row * width + t) * size;
      for (int d = 0; d < size; d++) mean[d] += hidden.get(at + d);
    }
    for (int d = 0; d < size; d++) mean[d] /= length;
    return mean;
  }

  private static float[] normalise(float[] vector) {
    float sumOfSquares = 0;
    for (float value : vector) sumOfSquares += value * value;
    float norm = (float) Math.sqrt(sumOfSquares);
    for (int d = 0; d < vector.length; d++) vector[d] /= norm;
    return vector;
  }
}
