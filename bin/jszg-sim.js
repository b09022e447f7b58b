#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so the bin registers tsx before loading it.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
