/**
 * `npm run docs:openapi`: writes docs/openapi.json, the document `jszg-sim serve` publishes at
 * /openapi.json under the default rules, for tools that want it without a server (client
 * generators, linters, contract tests). With `--check` (CI, before the lint) it only says
 * whether the committed file is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { defaultRules } from '../rules';
import { buildOpenApi } from '../stub-server/http';
import { Portal, systemClock } from '../stub-server/portal';
import { createMemoryStore } from '../stub-server/store';

/** The document under the default rules, as text. */
export function renderOpenApi(): string {
  const portal = new Portal({ rules: defaultRules, clock: systemClock, store: createMemoryStore() });
  return `${JSON.stringify(buildOpenApi(portal), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = new URL('../docs/openapi.json', import.meta.url);
  if (process.argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== renderOpenApi()) {
      console.error('docs/openapi.json is not the document the code builds: run npm run docs:openapi');
      process.exit(1);
    }
  } else {
    writeFileSync(file, renderOpenApi());
    console.log('wrote docs/openapi.json');
  }
}
