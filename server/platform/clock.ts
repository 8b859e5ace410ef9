/** Injected time source: domain code never calls Date.now() directly. */
export interface Clock {
  now(): number;
  nowIso(): string;
  /** Today's date in China Standard Time (UTC+8), YYYY-MM-DD: statutory periods run on Beijing dates. */
  today(): string;
}

/** The Beijing date (UTC+8), YYYY-MM-DD, of an instant given in milliseconds or as ISO-8601 text. */
export function beijingDate(at: number | string): string {
  return new Date((typeof at === 'number' ? at : Date.parse(at)) + 8 * 3600_000).toISOString().slice(0, 10);
}

export function systemClock(): Clock {
  return fixedOffsetClock(() => Date.now());
}

export function fixedOffsetClock(nowFn: () => number): Clock {
  return {
    now: nowFn,
    nowIso: () => new Date(nowFn()).toISOString(),
    today: () => beijingDate(nowFn()),
  };
}

/** A clock tests can move. */
export function testClock(startIso = '2025-09-26T02:00:00.000Z') {
  let t = Date.parse(startIso);
  const c = fixedOffsetClock(() => t);
  return Object.assign(c, {
    set(iso: string) {
      t = Date.parse(iso);
    },
    advance(ms: number) {
      t += ms;
    },
  });
}
