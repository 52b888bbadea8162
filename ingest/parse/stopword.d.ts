/** The few stop-word lists of the untyped `stopword` package that the language heuristic reads. */
declare module 'stopword' {
  export const eng: readonly string[];
  export const fra: readonly string[];
}
