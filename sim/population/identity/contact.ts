/**
 * Phone, mailbox and password: what the applicant types into the registration form.
 * Phones are distinct by construction (one number per index, through a permutation of
 * every number under the prefixes); mailboxes and passwords follow common habits, so two
 * applicants may give the same mailbox, as the portal allows.
 */
import type { Rules } from '../../../rules';
import type { Rng } from '../../random';
import { EMAIL_DOMAINS, MOBILE_PREFIXES, PINYIN, QQ_DIGITS } from '../data/contact';
import { AffinePermutation } from '../layout/permutation';

const SUBSCRIBER_NUMBERS = 100_000_000; // the 8 digits after a 3-digit prefix

export class PhoneNumbers {
  private readonly permutation: AffinePermutation;

  constructor(jitter: number, offset: number) {
    this.permutation = new AffinePermutation(MOBILE_PREFIXES.length * SUBSCRIBER_NUMBERS, jitter, offset);
  }

  /** The phone of applicant `index`: distinct for every index. */
  of(index: number): string {
    const n = this.permutation.at(index);
    return MOBILE_PREFIXES[Math.floor(n / SUBSCRIBER_NUMBERS)]! + String(n % SUBSCRIBER_NUMBERS).padStart(8, '0');
  }
}

const digits = (rng: Rng, n: number) => {
  let out = '';
  for (let i = 0; i < n; i += 1) out += rng.int(10);
  return out;
};

export class Mailboxes {
  private readonly domains: string[];
  private readonly weights: number[];
  private readonly qqLengths = Object.keys(QQ_DIGITS).map(Number);
  private readonly qqWeights = Object.values(QQ_DIGITS);

  constructor(private readonly rules: Rules, domains: Readonly<Record<string, number>> = EMAIL_DOMAINS) {
    this.domains = Object.keys(domains);
    this.weights = Object.values(domains);
  }

  /** A QQ mailbox gets a QQ number (never an alias, SPEC §1); others a pinyin name. */
  of(rng: Rng, birthYear: number): string {
    const domain = this.domains[rng.weighted(this.weights)]!;
    if (this.rules.account.email.qqDomains.includes(domain)) {
      const length = this.qqLengths[rng.weighted(this.qqWeights)]!;
      return `${1 + rng.int(9)}${digits(rng, length - 1)}@${domain}`;
    }
    const name = rng.pick(PINYIN) + rng.pick(PINYIN);
    const suffix = rng.pick([String(birthYear), String(birthYear).slice(2), digits(rng, 3), '']);
    return `${name}${suffix}@${domain}`;
  }
}

/**
 * A password the rules accept: pinyin (sometimes capitalised), digits (often the birth
 * year) and one special character from the rules' set, in one of the usual orders.
 */
export function password(rng: Rng, rules: Rules, birthYear: number): string {
  const rule = rules.account.password;
  let word = rng.pick(PINYIN) + rng.pick(PINYIN);
  if (rng.chance(0.5)) word = word[0]!.toUpperCase() + word.slice(1);
  const number = rng.chance(0.5) ? String(birthYear) : digits(rng, 2 + rng.int(5));
  const special = rule.specialCharacters[rng.int(rule.specialCharacters.length)]!;
  const orders = [
    () => word + number + special,
    () => word + special + number,
    () => special + word + number,
    () => number + word + special,
  ];
  let value = orders[rng.int(orders.length)]!();
  while (value.length < rule.minLength) value += String(rng.int(10));
  if (value.length > rule.maxLength) value = special + 'a1' + value.replace(/[^0-9A-Za-z]/g, '').slice(0, rule.maxLength - 3);
  return value;
}
