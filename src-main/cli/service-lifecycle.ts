/**
 * How a long-running CLI service (`notifications listen`) ends: the first SIGTERM or SIGINT starts
 * a graceful stop (the caller's `stop`: stop accepting, finish what is in flight, close the
 * journal) and the command then returns normally (exit 0). A second signal, or a stop that takes
 * longer than `timeoutMs`, forces the process out at once with EXIT_UNAVAILABLE: systemd's
 * TimeoutStopSec and an impatient Ctrl+C both get a prompt answer, and nothing acknowledged is
 * lost by it (acknowledgements are only sent after the commit).
 */
import { EXIT_UNAVAILABLE } from './cli-output';

const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
type StopSignal = (typeof STOP_SIGNALS)[number];

interface ServiceLifecycleOptions {
  /** The graceful stop, given the signal that asked for it. */
  stop: (signal: StopSignal) => Promise<void>;
  /** Longest a graceful stop may take before the process is forced out. */
  timeoutMs: number;
  /** Told why the exit is forced, just before it happens (for the log). */
  onForced: (reason: string) => void;
}

/** Resolves (with the signal) once a graceful stop finished; never resolves when the exit was forced. */
export async function runUntilStopSignal(options: ServiceLifecycleOptions): Promise<StopSignal> {
  const signal = await new Promise<StopSignal>((resolve) => {
    const handlers = STOP_SIGNALS.map((s) => [s, () => {
      for (const [name, h] of handlers) process.off(name, h);
      resolve(s);
    }] as const);
    for (const [name, h] of handlers) process.on(name, h);
  });

  const force = (reason: string): void => {
    try {
      options.onForced(reason);
    } finally {
      process.exit(EXIT_UNAVAILABLE);
    }
  };
  const onSecondSignal = (second: StopSignal): void => force(`${second} received while stopping after ${signal}.`);
  const secondHandlers = STOP_SIGNALS.map((s) => [s, () => onSecondSignal(s)] as const);
  for (const [name, h] of secondHandlers) process.on(name, h);
  const timer = setTimeout(() => force(`the graceful stop took longer than ${options.timeoutMs / 1000} s.`), options.timeoutMs);
  try {
    await options.stop(signal);
  } finally {
    clearTimeout(timer);
    for (const [name, h] of secondHandlers) process.off(name, h);
  }
  return signal;
}
