/**
 * The intake service's metrics, in the Prometheus text exposition format (version 0.0.4), written
 * here rather than with a client library: a handful of counters, one histogram and two gauges.
 *
 * Counters move per answered notification POST (intake-events.ts), so a scrape always agrees with
 * what senders were told: received = verified + rejected; acknowledged counts acknowledgements
 * handed to the socket after the commit; store failures count both the journal refusing a record
 * and the database being unreachable (label `cause`). The store-latency histogram is the time
 * from a complete body to its commit: the part of an acknowledgement's latency the journal adds.
 *
 * Gauges are read at scrape time: whether the journal is ready (the last known state, no probe
 * per scrape) and the forward outbox's depth from an optional source (MetricsSources), 0 when
 * there is no outbox.
 */
import { REJECT_REASONS, type RejectReason } from '../../../src-shared/vocabulary';
import type { NotificationAnswered } from './intake-events';

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Seconds. Group commit on a local database answers in ms; the long tail shows a struggling server. */
const STORE_LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** Where gauges owned by other parts of the service come from, read at scrape time. */
export interface MetricsSources {
  /** Forwards waiting in the durable outbox (the --forward-to relay); absent = 0. */
  forwardQueueDepth?: () => Promise<number>;
}

/** How long a scrape waits for a source before reporting it as unknown (NaN). */
const SOURCE_TIMEOUT_MS = 2_000;

export interface IntakeMetrics {
  observe(event: NotificationAnswered): void;
  /** The exposition text. Never rejects: a failing source is reported as NaN. */
  render(state: { journalReady: boolean }): Promise<string>;
}

/** The counters' values since start. */
interface IntakeCounts {
  received: number;
  verified: number;
  rejected: Record<RejectReason, number>;
  acknowledged: number;
  duplicates: number;
  storeFailed: { journal: number; unavailable: number };
  rejectedNotStored: number;
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  return String(n);
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

async function readSource(source: (() => Promise<number>) | undefined): Promise<number> {
  if (!source) return 0;
  let timer: NodeJS.Timeout | undefined;
  try {
    const value = await Promise.race([
      source(),
      new Promise<number>((resolve) => (timer = setTimeout(() => resolve(NaN), SOURCE_TIMEOUT_MS))),
    ]);
    return Number.isFinite(value) ? value : NaN;
  } catch {
    return NaN;
  } finally {
    clearTimeout(timer);
  }
}

export function createIntakeMetrics(sources: MetricsSources = {}): IntakeMetrics {
  const counts: IntakeCounts = {
    received: 0,
    verified: 0,
    rejected: Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>,
    acknowledged: 0,
    duplicates: 0,
    storeFailed: { journal: 0, unavailable: 0 },
    rejectedNotStored: 0,
  };
  const bucketCounts = STORE_LATENCY_BUCKETS.map(() => 0);
  let latencyCount = 0;
  let latencySumSeconds = 0;

  function observe(event: NotificationAnswered): void {
    const { record } = event;
    counts.received++;
    if (record.verification === 'verified') counts.verified++;
    else if (record.rejectReason) counts.rejected[record.rejectReason]++;
    if (event.acknowledged) counts.acknowledged++;
    if (event.ref?.duplicateOf !== undefined) counts.duplicates++;
    if (event.outcome === 'store-failed') counts.storeFailed.journal++;
    if (event.outcome === 'store-unavailable') counts.storeFailed.unavailable++;
    if (event.outcome === 'not-stored') counts.rejectedNotStored++;
    // Commits only: a failure answered at once would make the journal look fast while it is down.
    if (event.outcome === 'stored' && event.storeMs !== undefined) {
      const seconds = event.storeMs / 1000;
      latencyCount++;
      latencySumSeconds += seconds;
      STORE_LATENCY_BUCKETS.forEach((le, i) => {
        if (seconds <= le) bucketCounts[i]!++;
      });
    }
  }

  async function render(state: { journalReady: boolean }): Promise<string> {
    const lines: string[] = [];
    const family = (name: string, type: 'counter' | 'gauge' | 'histogram', help: string) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    };
    const sample = (name: string, value: number, labels?: Record<string, string>) => {
      const l = labels ? `{${Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}` : '';
      lines.push(`${name}${l} ${formatNumber(value)}`);
    };

    family('antom_ops_notifications_received_total', 'counter', 'Notification POSTs answered on the notify path (verified + rejected).');
    sample('antom_ops_notifications_received_total', counts.received);
    family('antom_ops_notifications_verified_total', 'counter', 'POSTs whose signature verified and whose body is a notification.');
    sample('antom_ops_notifications_verified_total', counts.verified);
    family('antom_ops_notifications_rejected_total', 'counter', 'POSTs rejected, by reason (answered with a failure; Antom resends).');
    for (const reason of REJECT_REASONS) sample('antom_ops_notifications_rejected_total', counts.rejected[reason], { reason });
    family('antom_ops_notifications_acknowledged_total', 'counter', "Antom's acknowledgement written after the notification was committed.");
    sample('antom_ops_notifications_acknowledged_total', counts.acknowledged);
    family('antom_ops_notifications_duplicates_total', 'counter', 'Stored POSTs that were resends of a stored notification (recorded as attempts).');
    sample('antom_ops_notifications_duplicates_total', counts.duplicates);
    family('antom_ops_notifications_store_failed_total', 'counter', 'POSTs answered with a failure because they could not be stored, by cause.');
    sample('antom_ops_notifications_store_failed_total', counts.storeFailed.journal, { cause: 'journal-error' });
    sample('antom_ops_notifications_store_failed_total', counts.storeFailed.unavailable, { cause: 'database-unavailable' });
    family('antom_ops_notifications_rejected_not_stored_total', 'counter', 'Rejected POSTs answered but not stored (over the budget for rejected records).');
    sample('antom_ops_notifications_rejected_not_stored_total', counts.rejectedNotStored);

    family('antom_ops_store_latency_seconds', 'histogram', 'From a complete notification body to its commit in the journal.');
    STORE_LATENCY_BUCKETS.forEach((le, i) => sample('antom_ops_store_latency_seconds_bucket', bucketCounts[i]!, { le: String(le) }));
    sample('antom_ops_store_latency_seconds_bucket', latencyCount, { le: '+Inf' });
    sample('antom_ops_store_latency_seconds_sum', latencySumSeconds);
    sample('antom_ops_store_latency_seconds_count', latencyCount);

    family('antom_ops_journal_ready', 'gauge', '1 when the journal was reachable and at this version at last contact, else 0.');
    sample('antom_ops_journal_ready', state.journalReady ? 1 : 0);
    family('antom_ops_forward_queue_depth', 'gauge', 'Verified notifications waiting in the forward outbox (0 without --forward-to; NaN when unreadable).');
    sample('antom_ops_forward_queue_depth', await readSource(sources.forwardQueueDepth));
    return `${lines.join('\n')}\n`;
  }

  return { observe, render };
}
