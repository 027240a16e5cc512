/**
 * Timeline entries with polling collapsed (issue 9: "Inquiry" 16 times for one 30-second poll).
 * A polling run is three or more inquiries in a row, nothing else between them, each within
 * POLL_GAP_MS of the previous one (the poller asks every 2 s); it becomes one entry that says how
 * many inquiries, over what time, and how the status moved. Shorter sequences stay as they are.
 */
import type { TimelineEvent } from '../../../src-shared/journal-views';

export const POLL_GAP_MS = 10_000;
const MIN_RUN = 3;

export type TimelineItem =
  | { kind: 'event'; event: TimelineEvent }
  | { kind: 'poll-run'; events: TimelineEvent[]; from: string; to: string; statuses: string[] };

export function collapsePollRuns(events: readonly TimelineEvent[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  let run: TimelineEvent[] = [];
  const flush = () => {
    if (run.length >= MIN_RUN) {
      const statuses: string[] = [];
      for (const e of run) {
        const s = e.status ?? e.resultCode ?? e.resultStatus ?? '?';
        if (statuses[statuses.length - 1] !== s) statuses.push(s);
      }
      items.push({ kind: 'poll-run', events: run, from: run[0]!.at, to: run[run.length - 1]!.at, statuses });
    } else for (const event of run) items.push({ kind: 'event', event });
    run = [];
  };
  for (const event of events) {
    if (event.kind === 'inquiry') {
      const previous = run[run.length - 1];
      if (previous && Date.parse(event.at) - Date.parse(previous.at) > POLL_GAP_MS) flush();
      run.push(event);
    } else {
      flush();
      items.push({ kind: 'event', event });
    }
  }
  flush();
  return items;
}
