import { z } from 'zod';
import type { State } from './state';

/**
 * What a row of each table must hold for the operations to read it: checked when a store is
 * opened, so a hand-edited or foreign file is refused at start, naming the table, key and field,
 * instead of answering 500 later. Optional fields and extra ones are not checked.
 */
const time = z.number().finite();
const photo = z.looseObject({ bytes: z.number(), width: z.number(), height: z.number(), sha256: z.string() });
const SHAPES: Record<keyof State, z.ZodType> = {
  accounts: z.looseObject({
    idType: z.string(), idNumber: z.string(), name: z.string(), idValidFrom: z.string(), idValidTo: z.string(),
    passwordHash: z.string(), email: z.string(), phone: z.string(), registeredAt: time, wechatBound: z.boolean(),
    profile: z.looseObject({ ethnicity: z.string() }).nullable(),
    realName: z.looseObject({ status: z.string(), failedAttempts: z.number() }),
  }),
  identities: z.looseObject({ idNumber: z.string(), name: z.string(), stale: z.boolean(), ctidOpened: z.boolean() }),
  counters: z.number(),
  codes: z.looseObject({ channel: z.enum(['sms', 'wechat', 'email']), recipient: z.string(), purpose: z.string(), code: z.string(), expiresAt: time }),
  outbox: z.looseObject({ seq: z.number(), channel: z.string(), recipient: z.string(), text: z.string(), sentAt: time }),
  sessions: z.looseObject({ token: z.string(), idNumber: z.string(), createdAt: time, expiresAt: time }),
  loginGuards: z.looseObject({ failures: z.number(), lockedUntil: time }),
  manualReviews: z.looseObject({ id: z.string(), idNumber: z.string(), cycle: z.string(), name: z.string(), photo, submittedAt: time, decisionDue: z.string(), status: z.enum(['pending', 'approved', 'rejected']) }),
  certificates: z.looseObject({ number: z.string(), holderName: z.string(), idNumber: z.string(), qualificationType: z.string(), subject: z.string(), province: z.string(), certifyingBody: z.string(), issueDate: z.string(), source: z.enum(['registry', 'hand-added']) }),
  institutions: z.looseObject({ id: z.string(), name: z.string(), province: z.string(), city: z.string(), stages: z.array(z.string()), qualificationTypes: z.array(z.string()), window: z.looseObject({ from: z.string(), to: z.string() }), confirmationPoints: z.array(z.looseObject({ id: z.string(), name: z.string() })) }),
  schools: z.looseObject({ id: z.string(), name: z.string(), type: z.string() }),
  photos: photo.extend({ id: z.string(), idNumber: z.string(), uploadedAt: time }),
  registrations: z.looseObject({
    applicationNumber: z.string(), idNumber: z.string(), certificateNumber: z.string(), institutionId: z.string(), confirmationPointId: z.string(),
    stage: z.string(), subject: z.string(), photoId: z.string(), conclusion: z.string(), tiersPassed: z.array(z.string()), submittedAt: time,
    formAvailableAt: time, history: z.array(z.unknown()), messages: z.array(z.unknown()), season: z.number(),
  }),
  sequences: z.number(),
};

/** A row that does not hold what its table needs. */
export class RowShapeError extends Error {}

/** Throws on the first row that does not hold what its table needs, naming table, key and field. */
export function checkRowShapes(state: State): void {
  for (const name of Object.keys(SHAPES) as (keyof State)[]) {
    const shape = SHAPES[name];
    for (const [key, row] of state[name].entries()) {
      const result = shape.safeParse(row);
      if (result.success) continue;
      const issue = result.error.issues[0]!;
      throw new RowShapeError(`table ${name}, row ${JSON.stringify(key)}: ${issue.path.join('.') || '(the row)'}: ${issue.message}; refusing to start on a row of the wrong shape`);
    }
  }
}
