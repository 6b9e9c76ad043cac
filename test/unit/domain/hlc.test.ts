import { describe, expect, it } from 'vitest';
import {
  ClockError,
  compareHlc,
  formatHlc,
  initialClock,
  MAX_DRIFT_MS,
  parseHlc,
  receive,
  tick,
} from '../../../src/domain/hlc';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

describe('hybrid logical clock', () => {
  it('stamps sort in the order events happened, even when the wall clock stands still or goes back', () => {
    let clock = initialClock(A);
    const stamps: string[] = [];
    for (const wall of [1000, 1000, 1000, 999, 500, 1001]) {
      clock = tick(clock, wall);
      stamps.push(formatHlc(clock));
    }
    expect([...stamps].sort(compareHlc)).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('after receiving a remote stamp, the next local stamp sorts after it', () => {
    const remote = formatHlc(tick(initialClock(B), 5000));
    const local = tick(receive(initialClock(A), remote, 1000), 1000);
    expect(compareHlc(formatHlc(local), remote)).toBeGreaterThan(0);
  });

  it('breaks ties between devices by device id', () => {
    const a = formatHlc(tick(initialClock(A), 1000));
    const b = formatHlc(tick(initialClock(B), 1000));
    expect(compareHlc(a, b)).toBeLessThan(0);
  });

  it('refuses a remote clock far in the future', () => {
    const remote = formatHlc(tick(initialClock(B), 10_000 + MAX_DRIFT_MS + 1));
    expect(() => receive(initialClock(A), remote, 10_000)).toThrow(ClockError);
  });

  it('round-trips through its text form and rejects garbage', () => {
    const state = tick(initialClock(A), Date.UTC(2026, 10, 28));
    expect(parseHlc(formatHlc(state))).toEqual(state);
    expect(() => parseHlc('2026-11-28-0000-xyz')).toThrow(ClockError);
    expect(() => initialClock('not-a-device')).toThrow(ClockError);
  });
});
