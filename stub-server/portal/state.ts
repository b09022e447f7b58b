import type { Store } from '../store';
import type {
  Account, Certificate, Identity, Institution, IssuedCode, LoginGuard, ManualReview,
  OutboxMessage, Photo, Registration, School, Session,
} from './records';

/** The portal's tables, typed, with the indexes the operations look things up by. */
export function openState(store: Store) {
  return {
    accounts: store.table<Account>('accounts'),
    identities: store.table<Identity>('identities'),
    /** Quota counters, keyed `kind|subject|period` (e.g. `sms|13800000000|2026-09-01`). */
    counters: store.table<number>('counters'),
    // A reset link is found by its token alone.
    codes: store.table<IssuedCode>('codes').index('recipient', (c) => c.recipient).index('link', (c) => (c.channel === 'email' ? c.code : undefined)),
    outbox: store.table<OutboxMessage>('outbox').index('recipient', (m) => m.recipient).index('account', (m) => m.idNumber),
    sessions: store.table<Session>('sessions').index('owner', (s) => s.idNumber),
    loginGuards: store.table<LoginGuard>('loginGuards'),
    manualReviews: store.table<ManualReview>('manualReviews').index('owner', (r) => r.idNumber),
    certificates: store.table<Certificate>('certificates').index('holder', (c) => c.idNumber),
    institutions: store.table<Institution>('institutions').index('province', (i) => i.province),
    schools: store.table<School>('schools'),
    photos: store.table<Photo>('photos').index('owner', (p) => p.idNumber),
    registrations: store.table<Registration>('registrations').index('owner', (r) => r.idNumber),
    /** Monotonic sequences (application numbers, outbox, reviews), keyed by name. */
    sequences: store.table<number>('sequences'),
  };
}

export type State = ReturnType<typeof openState>;
