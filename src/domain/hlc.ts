/**
 * Hybrid logical clock. A stamp is `<ISO wall time>-<counter, 4 hex>-<device id>`: strings that
 * sort in causal order, with the device id as the tie-break, so last-writer-wins is a string
 * comparison. Pure: the caller passes the wall time and persists the state.
 */
export interface HlcState {
  /** Milliseconds of the highest wall time seen. */
  readonly millis: number;
  readonly counter: number;
  readonly device: string;
}

export const MAX_COUNTER = 0xffff;
/** A remote stamp more than this far ahead of our wall clock is refused. */
export const MAX_DRIFT_MS = 5 * 60 * 1000;
export const DEVICE_PATTERN = /^[0-9a-f]{16}$/;

export class ClockError extends Error {
  constructor(
    readonly key: 'errors.clockDrift' | 'errors.clockOverflow' | 'errors.badStamp',
    detail: string,
  ) {
    super(detail);
    this.name = 'ClockError';
  }
}

export function initialClock(device: string): HlcState {
  if (!DEVICE_PATTERN.test(device)) throw new ClockError('errors.badStamp', `bad device id ${device}`);
  return { millis: 0, counter: 0, device };
}

/** Advance for a local event. */
export function tick(state: HlcState, now: number): HlcState {
  const millis = Math.max(state.millis, now);
  const counter = millis === state.millis ? state.counter + 1 : 0;
  if (counter > MAX_COUNTER) throw new ClockError('errors.clockOverflow', 'too many events in one millisecond');
  return { millis, counter, device: state.device };
}

/** Advance after seeing a remote stamp, so our next stamp sorts after it. */
export function receive(state: HlcState, remoteStamp: string, now: number): HlcState {
  const remote = parseHlc(remoteStamp);
  if (remote.millis - now > MAX_DRIFT_MS) {
    throw new ClockError('errors.clockDrift', `remote clock ${remoteStamp} is too far ahead`);
  }
  const millis = Math.max(state.millis, remote.millis, now);
  let counter: number;
  if (millis === state.millis && millis === remote.millis) counter = Math.max(state.counter, remote.counter) + 1;
  else if (millis === state.millis) counter = state.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) throw new ClockError('errors.clockOverflow', 'too many events in one millisecond');
  return { millis, counter, device: state.device };
}

export function formatHlc(state: HlcState): string {
  return `${new Date(state.millis).toISOString()}-${state.counter.toString(16).padStart(4, '0')}-${state.device}`;
}

const STAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;

export function parseHlc(stamp: string): HlcState {
  const match = STAMP.exec(stamp);
  const millis = match?.[1] ? Date.parse(match[1]) : Number.NaN;
  if (!match?.[2] || !match[3] || Number.isNaN(millis)) throw new ClockError('errors.badStamp', `bad stamp ${stamp}`);
  return { millis, counter: Number.parseInt(match[2], 16), device: match[3] };
}

export function isHlc(stamp: string): boolean {
  return STAMP.test(stamp);
}

/** Negative when a happened before b. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function newDeviceId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
