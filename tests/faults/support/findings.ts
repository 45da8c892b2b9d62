// What a check of the end state reports: the problems it found (empty: all good)
// plus what it counted, so the test can print the numbers and fail with a
// readable list instead of the first mismatch only.
export interface Findings {
  problems: string[];
  /** Records compared. */
  records: number;
  /** Fields compared. */
  fields: number;
}
