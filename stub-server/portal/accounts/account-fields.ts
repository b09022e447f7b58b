import type { Rules } from '../../../rules';
import { date, email, idNumber, idType, password, personName, phone } from '../fields';

/** Who an account is and how to reach them: the fields a registration and a seeded account share, in the form's order. */
export const accountFields = (rules: Rules) => ({
  idType: idType(),
  idNumber: idNumber(),
  name: personName(rules),
  idValidFrom: date(),
  idValidTo: date(),
  password: password(rules),
  email: email(rules),
  phone: phone(rules),
});
