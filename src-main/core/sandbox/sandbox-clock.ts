/**
 * The sandbox's clock and its one timer.
 *
 * Every delayed thing the sandbox does (notification resends, PROCESSING -> SUCCESS, session
 * expiry) goes through this scheduler, for two reasons: `advanceTime` can jump the clock and run
 * whatever became due without waiting, and `close()` has exactly one timer to clear, so a closed
 * sandbox never keeps the process alive.
 */

interface Entry {
  dueAt: number;
  run: () => void;
}

export type Cancel = () => void;

/** How far advance() may move the clock ahead of the wall clock in total: 100 years. */
export const MAX_OFFSET_MS = 100 * 365 * 24 * 3600 * 1000;

export class SandboxClock {
  private offsetMs = 0;
  private readonly entries = new Set<Entry>();
  private timer: NodeJS.Timeout | undefined;
  /** dueAt the armed timer was set for; lets schedule() skip re-arming (O(1) per job). */
  private armedFor = Infinity;
  private closed = false;

  /** timeScale: 1 = real time; 3600 = an hour of Antom time per real second. */
  constructor(readonly timeScale: number) {}

  /** Sandbox "now" in epoch ms: wall clock plus whatever advanceTime added. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** A nominal Antom duration (e.g. 1 h session lifetime) in sandbox ms. */
  scaled(nominalMs: number): number {
    return nominalMs / this.timeScale;
  }

  /** Run `run` after `delayMs` of sandbox time. Returns a cancel function. */
  schedule(delayMs: number, run: () => void): Cancel {
    if (this.closed) return () => undefined;
    const entry: Entry = { dueAt: this.now() + Math.max(0, delayMs), run };
    this.entries.add(entry);
    if (entry.dueAt < this.armedFor) this.rearm();
    return () => {
      // No re-arm: a timer that fires early finds nothing due and re-arms for the next job.
      this.entries.delete(entry);
      if (this.entries.size === 0) this.rearm();
    };
  }

  /** Jump the sandbox clock forward and run everything that became due, synchronously. */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError('advanceTime needs a non-negative, finite number of milliseconds');
    // Past this the clock would leave the range of a Date (and ISO times would throw), which
    // would break every later answer until a restart.
    if (this.offsetMs + ms > MAX_OFFSET_MS) throw new RangeError(`the sandbox clock may run at most ${MAX_OFFSET_MS / (365 * 24 * 3600 * 1000)} years ahead of the wall clock`);
    this.offsetMs += ms;
    this.runDue();
  }

  /** How far advance() has moved the clock ahead of the wall clock. */
  offset(): number {
    return this.offsetMs;
  }

  pendingCount(): number {
    return this.entries.size;
  }

  close(): void {
    this.closed = true;
    this.entries.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private runDue(): void {
    // Loop because a job may schedule another job that is already due (delay 0).
    for (;;) {
      const now = this.now();
      const due = [...this.entries].filter((e) => e.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
      if (due.length === 0 || this.closed) break;
      for (const entry of due) {
        if (!this.entries.delete(entry)) continue;
        try {
          entry.run();
        } catch {
          // A job's failure must not stop the others; jobs record their own errors.
        }
      }
    }
    this.rearm();
  }

  private rearm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = Infinity;
    if (this.closed || this.entries.size === 0) return;
    let next = Infinity;
    for (const e of this.entries) next = Math.min(next, e.dueAt);
    this.armedFor = next;
    // setTimeout caps at ~24.8 days; a longer wait simply re-arms when it fires.
    const wait = Math.min(Math.max(0, next - this.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.armedFor = Infinity;
      this.runDue();
    }, wait);
  }
}

/** Antom's response-time / request-time form: ISO-8601, second precision, explicit offset. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
