/**
 * CPU time the PostgreSQL server spent (its postmaster and every child: backends, WAL writer,
 * checkpointer), read from /proc. On a machine shared with other work, wall-clock rates move with
 * the load; the server's CPU per notification is the figure that says what a change to the SQL
 * bought. Undefined where /proc or the server process cannot be found (another host, not Linux).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statOf(pid: string): { ppid: number; ticks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** The postmaster listening on `port`, found by its command line (`-p PORT`). */
export function postmasterPid(port: number): number | undefined {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const p = args.indexOf('-p');
      if (args[0]?.endsWith('/postgres') && p >= 0 && args[p + 1] === String(port)) return Number(pid);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

/** Seconds of CPU used so far by the postmaster and its children (live ones: exited backends drop out, so read within one connection's life). */
export function postgresCpuSeconds(postmaster: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const stat = statOf(pid);
    if (stat && (Number(pid) === postmaster || stat.ppid === postmaster)) ticks += stat.ticks;
  }
  return ticks / TICKS_PER_SECOND;
}
