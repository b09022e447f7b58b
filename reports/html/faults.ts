import type { HtmlLabels } from './labels';
import { esc, fmt } from './markup';

/** One fault entry of report.inputs.faults, as the scenario gave it (stub-server/portal/faults/config.ts). */
interface Fault { latency?: number | Record<string, unknown>; error?: { rate: number; status?: number }; outage?: { from: string; to: string } }
interface Faults { operations?: Record<string, Fault>; smsGateway?: Fault; registry?: Fault }

const entries = (faults: unknown): Fault[] => {
  if (!faults || typeof faults !== 'object') return [];
  const f = faults as Faults;
  return [...Object.values(f.operations ?? {}), ...(f.smsGateway ? [f.smsGateway] : []), ...(f.registry ? [f.registry] : [])];
};

/** The outage windows among the faults, in epoch seconds (the charts' time axis), for the charts to shade. */
export const outageWindows = (faults: unknown): [number, number][] =>
  entries(faults).flatMap((f) => (f.outage ? [[Date.parse(f.outage.from) / 1000, Date.parse(f.outage.to) / 1000] as [number, number]] : []));

/** The run's injected faults in a line under the description, so a reader knows the portal was made to fail; '' without any. */
export function faultsLine(faults: unknown, L: HtmlLabels): string {
  if (entries(faults).length === 0) return '';
  const f = faults as Faults;
  const phrases = [
    ...Object.entries(f.operations ?? {}).map(([op, fault]) => phrase(op === '*' ? L.everyOperation : op, fault, L)),
    ...(f.smsGateway ? [phrase(L.smsGatewayBackend, f.smsGateway, L)] : []),
    ...(f.registry ? [phrase(L.registryBackend, f.registry, L)] : []),
  ];
  const shaded = outageWindows(faults).length > 0 ? ` ${esc(L.outagesShaded)}` : '';
  return `<p class="faults"><b>${esc(L.injectedFaults)}:</b> ${phrases.map(esc).join('; ')}.${shaded}</p>`;
}

function phrase(who: string, fault: Fault, L: HtmlLabels): string {
  const latency = fault.latency;
  const what = [
    ...(fault.outage ? [`${L.down} ${fault.outage.from} – ${fault.outage.to}`] : []),
    ...(latency === undefined ? [] : [`${L.slower} ${typeof latency === 'number' ? `${fmt(latency)} ms` : distribution(latency)}`]),
    ...(fault.error ? [`${fmt(fault.error.rate * 100)}% ${L.failing}${fault.error.status ? ` (${fault.error.status})` : ''}`] : []),
  ];
  return `${who}: ${what.join(', ')}`;
}

/** `{ distribution: 'lognormal', median: 40, sigma: 0.5 }` → `lognormal median 40 sigma 0.5` (ms but sigma). */
const distribution = ({ distribution: kind, ...params }: Record<string, unknown>) =>
  [kind, ...Object.entries(params).map(([k, v]) => `${k} ${String(v)}`)].join(' ');
