// Worker threads start without the parent's TypeScript loader: register tsx, then give Piscina the worker's function.
import { register } from 'tsx/esm/api';

register();
const { default: run } = await import('./worker.ts');
export default run;
