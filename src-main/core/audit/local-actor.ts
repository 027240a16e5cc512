/**
 * Who this process acts as, for the audit trail: the OS user name and the host name of the
 * machine running the console or CLI, plus the door the call came through. Read once per core:
 * both are fixed for the life of a process.
 *
 * os.userInfo() throws where the uid has no passwd entry (containers started with an arbitrary
 * uid); the environment's USER / LOGNAME, else "uid:<n>", still say who it was.
 */
import { hostname, userInfo } from 'node:os';
import type { Actor, AuditDoor } from '../../../src-shared/audit-views';
import type { Door } from '../handlers/handler-context';

/** The core's door names, in the audit trail's words (the Electron app is "the console"). */
export function auditDoorOf(door: Door): AuditDoor {
  return door === 'electron' ? 'console' : door;
}

function osUserName(): string {
  try {
    const name = userInfo().username;
    if (name) return name;
  } catch {
    // no passwd entry for this uid: fall through to the environment
  }
  const fromEnv = process.env.USER ?? process.env.LOGNAME ?? process.env.USERNAME;
  if (fromEnv) return fromEnv;
  return typeof process.getuid === 'function' ? `uid:${process.getuid()}` : 'unknown';
}

export function localActor(door: AuditDoor): Actor {
  return { user: osUserName(), host: hostname() || 'unknown-host', door };
}
