import { describe, expect, it } from 'vitest';
import { HourlyThroughput } from '..';

const HOUR = 3_600_000;

describe('HourlyThroughput', () => {
  it('takes perHour uses in a clock hour, refuses the next, and takes it again in the next hour', () => {
    const gateway = new HourlyThroughput(3);
    const t = 10 * HOUR + 5_000;
    for (let i = 0; i < 3; i += 1) {
      expect(gateway.hasRoom(t + i)).toBe(true);
      gateway.useOne(t + i);
    }
    expect(gateway.hasRoom(t + 10)).toBe(false);
    expect(gateway.hasRoom(11 * HOUR - 1)).toBe(false);
    expect(gateway.hasRoom(11 * HOUR)).toBe(true);
  });

  it('asking does not use it up', () => {
    const registry = new HourlyThroughput(1);
    for (let i = 0; i < 5; i += 1) expect(registry.hasRoom(i)).toBe(true);
  });
});
