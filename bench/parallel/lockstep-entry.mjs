// Worker threads start without the parent's TypeScript loader: register tsx, then load the shard.
import { register } from 'tsx/esm/api';

register();
await import('./lockstep-shard.ts');
