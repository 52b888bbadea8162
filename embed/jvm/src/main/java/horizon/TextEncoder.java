package horizon;

/** Texts in, unit vectors out, in the same order. */
interface TextEncoder {
  int dimensions();

  float[][] embed(String[] texts) throws Exception;
}
