/**
 * PostgreSQL 0007: a page of notifications by rejectReason (and a time range) that stays flat as
 * the journal grows (issue 7 §6).
 *
 * The page is `reject_reason = $1 AND first_seen_at < $2 ORDER BY id DESC LIMIT n`. With only
 * 0001's (reject_reason) index the server fetched every rejected row in the range and sorted them
 * (2.3 s at a million notifications). Keyed (reject_reason, id, first_seen_at), the index hands
 * out one reason's rows already newest first, and the time bound is checked inside the index
 * (a key column, not INCLUDE, so the btree can test it without visiting the table): the scan
 * stops after n matches. What it still walks past are that reason's rows at or after `until`:
 * for an early `until`, (reject_reason, first_seen_at) reads just the rows before it (then sorts
 * them), and the planner picks whichever of the two its statistics say is shorter. Both are
 * partial (rejected rows only), so accepted notifications pay nothing for them. They serve
 * everything 0001's index did, which goes.
 */
export const PG_REJECT_REASON_INDEX = `
CREATE INDEX notifications_reject_reason_id ON notifications (reject_reason, id, first_seen_at) WHERE reject_reason IS NOT NULL;
CREATE INDEX notifications_reject_reason_time ON notifications (reject_reason, first_seen_at, id) WHERE reject_reason IS NOT NULL;
DROP INDEX notifications_reject_reason;
`;
