/**
 * The time proposal handling acts at: deadlines (交办异议期、办理期限、评价期限) are counted from it. Production
 * reads the system clock; tests pin it (`pinClock`) to run deadline arithmetic on fixed dates such as the
 * days before the 2026 国庆 holiday, without faking the process-wide `Date` the sessions depend on.
 */
let pinned: number | null = null;

export function currentTime(): Date {
  return pinned === null ? new Date() : new Date(pinned);
}

/** Fixes the clock at `at` (ISO string or Date); `null` returns to the system clock. Tests only. */
export function pinClock(at: Date | string | null): void {
  pinned = at === null ? null : new Date(at).getTime();
}
