/** Runs in every test file (vitest setupFiles): a file whose servers broke the contract fails. */
import { afterAll, expect } from 'vitest';
import { violations } from './contract';

afterAll(() => {
  const found = violations.splice(0);
  expect(found, `${found.length} answers broke /openapi.json`).toEqual([]);
});
