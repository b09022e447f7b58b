/**
 * `npm run photo-fixtures`: writes sim/applicant/fixtures/ again, the pictures of the default
 * rules' photos encoded ahead (sim/applicant/jpeg.ts says why). Run it when the photo limits of
 * the default rules change; the fixtures' test says when.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { encodedHere, fixturesDirectory, photos } from '../sim/applicant';

for (const name of readdirSync(fixturesDirectory)) if (name.endsWith('.jpg')) rmSync(new URL(name, fixturesDirectory));
photos();
for (const [key, image] of encodedHere) writeFileSync(new URL(`${key}.jpg`, fixturesDirectory), image);
console.log(`wrote ${encodedHere.size} pictures to ${fixturesDirectory.pathname}: ${[...encodedHere.keys()].join(', ')}`);
