import type { PortalClient } from '../clients';
import { ServerTime, sleep, wallMs } from './wall-clock';

/** How far the measured rate of the server's clock may be from the time scale asked for. */
const SCALE_TOLERANCE = 0.25;

/** The server's clock now, from getStats, read at the middle of the round trip. */
async function readServerClock(client: PortalClient): Promise<{ server: number; wall: number }> {
  const sent = wallMs();
  const answer = await client.admin('getStats');
  const wall = (sent + wallMs()) / 2;
  if (answer.status !== 200 || typeof answer.body?.now !== 'string') {
    const why = answer.status === 0 ? `no answer (${answer.body?.code})` : answer.status === 401 || answer.status === 403 ? 'the admin token was refused' : `status ${answer.status}`;
    throw new Error(`cannot read the server's clock (getStats): ${why}`);
  }
  return { server: Date.parse(answer.body.now), wall };
}

/**
 * Reads the server's clock twice and checks that it runs at `scale`: delays, quotas and
 * windows follow the server's clock, so a run whose idea of time differs would be wrong.
 */
export async function syncServerTime(client: PortalClient, scale: number, spanMs = 400): Promise<ServerTime> {
  const first = await readServerClock(client);
  await sleep(spanMs);
  const second = await readServerClock(client);
  const measured = (second.server - first.server) / (second.wall - first.wall);
  if (!(Math.abs(measured / scale - 1) <= SCALE_TOLERANCE)) {
    throw new Error(`the server's clock runs at ×${measured.toFixed(1)}, not ×${scale}: start it with --clock scaled:${scale} (or pass --time-scale ${Math.round(measured)})`);
  }
  return new ServerTime(second.server, second.wall, scale);
}
