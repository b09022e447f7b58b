/**
 * `npm run docs:scenario-schema`: writes docs/scenario.schema.json, the JSON Schema of a
 * scenario file (scenarios/schema.ts), so an editor completes and checks a planner's own week
 * (`"$schema": "…/docs/scenario.schema.json"`). A test keeps the committed file current.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { scenarioInputSchema } from '../scenarios';

/** The schema as JSON Schema text; checks written as code (a real date, from before to) stay the loader's. */
export const renderScenarioSchema = (): string =>
  `${JSON.stringify(z.toJSONSchema(scenarioInputSchema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(new URL('../docs/scenario.schema.json', import.meta.url), renderScenarioSchema());
  console.log('wrote docs/scenario.schema.json');
}
