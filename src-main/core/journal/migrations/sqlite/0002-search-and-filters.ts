/**
 * v2: free-text search and the filters the UI uses most. The FTS tables are contentless (the
 * text already lives in calls/notifications; storing it twice would double the file) with
 * contentless_delete so prune can remove rows. Triggers keep them in step inside the same
 * transaction as the write; the INSERT ... SELECT backfills rows written by a v1 console.
 */
export const V2_SEARCH_AND_FILTERS = `
CREATE VIRTUAL TABLE calls_fts USING fts5(request_body, response_body, content='', contentless_delete=1);
CREATE VIRTUAL TABLE notifications_fts USING fts5(body, content='', contentless_delete=1);
INSERT INTO calls_fts(rowid, request_body, response_body) SELECT id, request_body, coalesce(response_body, '') FROM calls;
INSERT INTO notifications_fts(rowid, body) SELECT id, CAST(body AS TEXT) FROM notifications;
CREATE TRIGGER calls_fts_insert AFTER INSERT ON calls BEGIN
  INSERT INTO calls_fts(rowid, request_body, response_body) VALUES (new.id, new.request_body, coalesce(new.response_body, ''));
END;
CREATE TRIGGER calls_fts_delete AFTER DELETE ON calls BEGIN
  DELETE FROM calls_fts WHERE rowid = old.id;
END;
CREATE TRIGGER notifications_fts_insert AFTER INSERT ON notifications BEGIN
  INSERT INTO notifications_fts(rowid, body) VALUES (new.id, CAST(new.body AS TEXT));
END;
CREATE TRIGGER notifications_fts_delete AFTER DELETE ON notifications BEGIN
  DELETE FROM notifications_fts WHERE rowid = old.id;
END;
CREATE INDEX notifications_verification ON notifications(verification);
CREATE INDEX notifications_result_code ON notifications(result_code) WHERE result_code IS NOT NULL;
CREATE INDEX notifications_unacknowledged ON notifications(acknowledged) WHERE acknowledged = 0;
CREATE INDEX calls_result_code ON calls(result_code) WHERE result_code IS NOT NULL;
`;
