/** `jszg-sim serve` in a child process with the tests' client (stub-server/spawn). */
import { spawnStub, type StubProcess } from '../stub-server/spawn';
import { ADMIN, PortalClient } from './harness';

export { PROJECT_ROOT } from '../stub-server/spawn';

export interface SpawnedServer extends StubProcess { client: PortalClient }

/** Starts `jszg-sim serve --port 0 --admin-token ADMIN …args` and resolves once it listens. */
export async function spawnServer(args: string[], adminToken = ADMIN): Promise<SpawnedServer> {
  const stub = await spawnStub(args, adminToken);
  return { ...stub, client: new PortalClient(stub.url, adminToken) };
}
