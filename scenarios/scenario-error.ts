/** A scenario that cannot be run: an unknown name, or a file with problems, each named by its field. */
export class ScenarioError extends Error {
  constructor(readonly source: string, readonly problems: { field: string; message: string }[]) {
    // One line, as every CLI refusal: an unknown name says only that; a file names each field.
    super(problems.length === 1 && problems[0]!.field === '(name)'
      ? problems[0]!.message
      : `invalid scenario in ${source}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    this.name = 'ScenarioError';
  }
}
