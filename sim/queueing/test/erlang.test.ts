import { describe, expect, it } from 'vitest';
import { erlangB, erlangC } from '../index';

describe('Erlang B and C', () => {
  it('reduce to M/M/1 with one server', () => {
    const q = erlangC(0.5, 1, 1);
    expect(q.probabilityOfWaiting).toBeCloseTo(0.5, 12);
    expect(q.meanWait).toBeCloseTo(1, 12); // ρ / (μ − λ)
    expect(q.meanInSystem).toBeCloseTo(1, 12); // ρ / (1 − ρ)
  });

  it('match a worked M/M/3 at ρ = 0.8', () => {
    const q = erlangC(2.4, 1, 3);
    expect(erlangB(2.4, 3)).toBeCloseTo(0.268410, 5);
    expect(q.utilisation).toBeCloseTo(0.8, 12);
    expect(q.probabilityOfWaiting).toBeCloseTo(0.647191, 5);
    expect(q.meanWait).toBeCloseTo(1.078652, 5);
    expect(q.meanQueue).toBeCloseTo(2.4 * q.meanWait, 12);
    expect(q.meanSojourn).toBeCloseTo(q.meanWait + 1, 12);
  });

  it('stay finite for many servers (no factorials)', () => {
    const q = erlangC(950, 1, 1000);
    expect(Number.isFinite(q.meanWait)).toBe(true);
    expect(q.probabilityOfWaiting).toBeGreaterThan(0);
    expect(q.probabilityOfWaiting).toBeLessThan(1);
  });

  it('refuse an overloaded or ill-posed queue', () => {
    expect(() => erlangC(3, 1, 3)).toThrow(RangeError);
    expect(() => erlangC(0, 1, 3)).toThrow(RangeError);
    expect(() => erlangB(1, 0)).toThrow(RangeError);
  });
});
