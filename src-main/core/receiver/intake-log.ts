/**
 * The intake service's log: one line per answered notification and one per lifecycle event
 * (listening, database down/up, shutdown). As JSON (one object per line, for journald / a log
 * shipper) or as a short human line.
 *
 * What a line may hold: IDs, types, verdicts, timings, addresses. Never a body, a header, a
 * signature or key material: a notification line is built from named fields only, and error
 * texts are the journal's own (which name a database URL without its password).
 */
import type { NotificationAnswered } from './intake-events';
import type { JournalHealthChange } from './journal-health';

type LogLevel = 'info' | 'warn' | 'error';

export type IntakeLogEntry =
  | { event: 'listening'; url: string; signedPath: string | null; journal: string; verifyingWith: string }
  | { event: 'notification'; answered: NotificationAnswered }
  | { event: 'database-down'; reason: string }
  | { event: 'database-up'; downForMs: number }
  | { event: 'error'; message: string }
  | { event: 'driver-fault'; message: string; recovery: string }
  | { event: 'shutdown-started'; signal: string }
  | { event: 'shutdown-complete'; ms: number }
  | { event: 'shutdown-forced'; reason: string };

export function healthLogEntry(change: JournalHealthChange): IntakeLogEntry {
  return change.state === 'down' ? { event: 'database-down', reason: change.reason } : { event: 'database-up', downForMs: change.downForMs };
}

const round = (ms: number | undefined): number | null => (ms === undefined ? null : Math.round(ms * 10) / 10);

/** The fields of one notification line, in a fixed order. */
function notificationFields(a: NotificationAnswered): Record<string, string | number | boolean | null> {
  const r = a.record;
  return {
    id: a.ref?.id ?? null,
    notifyType: r.notifyType,
    verdict: r.verification,
    rejectReason: r.rejectReason ?? null,
    outcome: a.outcome,
    httpStatus: a.httpStatus,
    acknowledged: a.acknowledged,
    attempt: a.ref?.attempts ?? null,
    duplicateOf: a.ref?.duplicateOf ?? null,
    paymentId: r.ids.paymentId ?? null,
    paymentRequestId: r.ids.paymentRequestId ?? null,
    latencyMs: round(a.latencyMs),
    storeMs: round(a.storeMs),
    remoteAddress: r.remoteAddress ?? null,
    path: r.receiverPath.split('?', 1)[0] ?? null,
  };
}

function levelOf(entry: IntakeLogEntry): LogLevel {
  switch (entry.event) {
    case 'notification':
      return entry.answered.outcome === 'stored' || entry.answered.outcome === 'not-stored' ? 'info' : 'error';
    case 'database-down':
    case 'driver-fault':
    case 'error':
    case 'shutdown-forced':
      return 'error';
    default:
      return 'info';
  }
}

/** One JSON object per line: time, level, event, then the event's fields. */
export function jsonLogLine(entry: IntakeLogEntry, at: Date = new Date()): string {
  const head = { time: at.toISOString(), level: levelOf(entry), event: entry.event };
  if (entry.event === 'notification') return JSON.stringify({ ...head, ...notificationFields(entry.answered) });
  const { event: _event, ...fields } = entry;
  return JSON.stringify({ ...head, ...fields });
}

/** A line for a person watching the terminal. */
export function textLogLine(entry: IntakeLogEntry, at: Date = new Date()): string {
  const time = at.toISOString();
  switch (entry.event) {
    case 'listening':
      return `${time} listening on ${entry.url}${entry.signedPath ? ` (verifying over ${entry.signedPath})` : ''}, journal ${entry.journal}`;
    case 'notification': {
      const f = notificationFields(entry.answered);
      const verdict = f.verdict === 'verified' ? 'verified' : `REJECTED (${String(f.rejectReason)})`;
      const stored = entry.answered.outcome === 'stored' ? `#${String(f.id)}` : entry.answered.outcome.toUpperCase();
      const attempt = f.duplicateOf !== null ? ` (attempt ${String(f.attempt)} of #${String(f.duplicateOf)})` : '';
      const id = f.paymentId ?? f.paymentRequestId;
      return [time, verdict, String(f.notifyType), ...(id ? [String(id)] : []), `${stored}${attempt}`, `-> ${String(f.httpStatus)} in ${String(f.latencyMs)} ms from ${String(f.remoteAddress)}`].join(' ');
    }
    case 'database-down':
      return `${time} DATABASE DOWN: ${entry.reason} Notifications are answered with 503 (Antom resends) until it is back.`;
    case 'database-up':
      return `${time} database back after ${Math.round(entry.downForMs / 100) / 10} s; storing and acknowledging again.`;
    case 'error':
      return `${time} receiver: ${entry.message}`;
    case 'driver-fault':
      return `${time} database driver fault (${entry.message}): ${entry.recovery}`;
    case 'shutdown-started':
      return `${time} ${entry.signal}: not accepting new connections; finishing the requests in flight.`;
    case 'shutdown-complete':
      return `${time} stopped after ${Math.round(entry.ms)} ms.`;
    case 'shutdown-forced':
      return `${time} forced exit: ${entry.reason}`;
  }
}
