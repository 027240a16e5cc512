/**
 * Replays of a stored notification to a URL the user chose (an integrator's server): what was
 * sent where, and what came back. Kept beside the notification so its detail can show every
 * replay, and so "I replayed it and their server answered 500" is never just a memory.
 */
import type Database from 'better-sqlite3';
import type { NotificationReplayRecord } from '../../../src-shared/journal-views';
import { redactJsonText } from '../redaction/redact-json';

/** Migration step that adds the table (appended to MIGRATIONS). */
export const NOTIFICATION_REPLAYS_SQL = `
CREATE TABLE notification_replays (
  id INTEGER PRIMARY KEY,
  notification_id INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  sent_at TEXT NOT NULL,
  to_url TEXT NOT NULL,
  mode TEXT NOT NULL,
  http_status INTEGER,
  answer_body TEXT,
  latency_ms REAL NOT NULL,
  acknowledged INTEGER NOT NULL,
  error TEXT
);
CREATE INDEX notification_replays_notification ON notification_replays(notification_id);
`;

/** Answers are capped: an integrator's error page can be large and says what it says in its first KiB. */
const MAX_ANSWER_CHARS = 4096;

interface ReplayRow {
  id: number;
  sent_at: string;
  to_url: string;
  mode: 'as-received' | 're-signed';
  http_status: number | null;
  answer_body: string | null;
  latency_ms: number;
  acknowledged: number;
  error: string | null;
}

export function insertReplay(db: Database.Database, notificationId: number, replay: Omit<NotificationReplayRecord, 'id'>): number {
  const answer = replay.answerBody === null ? null : redactJsonText(replay.answerBody.slice(0, MAX_ANSWER_CHARS)).text;
  return Number(db.prepare(
    'INSERT INTO notification_replays (notification_id, sent_at, to_url, mode, http_status, answer_body, latency_ms, acknowledged, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(notificationId, replay.sentAt, replay.toUrl, replay.mode, replay.httpStatus, answer, replay.latencyMs, replay.acknowledged ? 1 : 0, replay.error).lastInsertRowid);
}

export function listReplays(db: Database.Database, notificationId: number): NotificationReplayRecord[] {
  const rows = db.prepare<[number], ReplayRow>('SELECT * FROM notification_replays WHERE notification_id = ? ORDER BY id').all(notificationId);
  return rows.map((r) => ({
    id: r.id, sentAt: r.sent_at, toUrl: r.to_url, mode: r.mode, httpStatus: r.http_status, answerBody: r.answer_body,
    latencyMs: r.latency_ms, acknowledged: r.acknowledged === 1, error: r.error,
  }));
}

/** The part of a replay's outcome worth keeping (the shape replay.ts returns). */
interface ReplayOutcome {
  sentAt: string;
  toUrl: string;
  mode: 'as-received' | 're-signed';
  httpStatus: number | undefined;
  responseBody: string | undefined;
  latencyMs: number;
  acknowledged: boolean;
  error: { message: string; hint: string } | undefined;
}

export function replayRecordOf(outcome: ReplayOutcome): Omit<NotificationReplayRecord, 'id'> {
  return {
    sentAt: outcome.sentAt, toUrl: outcome.toUrl, mode: outcome.mode, httpStatus: outcome.httpStatus ?? null,
    answerBody: outcome.responseBody ?? null, latencyMs: Math.round(outcome.latencyMs), acknowledged: outcome.acknowledged,
    error: outcome.error ? `${outcome.error.message} ${outcome.error.hint}` : null,
  };
}
