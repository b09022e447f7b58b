/** A k6 output that cannot be read as one: said in one line (the CLI exits 2). */
export class K6ImportError extends Error {}
