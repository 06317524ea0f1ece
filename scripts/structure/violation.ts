/** One finding of the structural checker: which rule, where, and what to do. */
export interface Violation {
  rule: string;
  file: string;
  message: string;
}
