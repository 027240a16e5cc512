/**
 * v5: every notification is taken (issue 8 §3).
 * - dispute_id on notifications and calls, indexed like the other ID columns, so "any ID" finds a
 *   dispute's notifications (notifyDispute, notifyDefenseDocument) and dispute API calls, and the
 *   payment timeline links a dispute to its payment through it.
 * - notifications.unrecognised: for a verified notification the console could not read (stored
 *   as notifyType UNKNOWN and acknowledged), the reason, shown beside its raw body.
 * - Backfill: consoles before v5 stored notifyDispute bodies as rejected UNKNOWN rows; those get
 *   their disputeId so they are findable too. Only UNKNOWN rows mentioning disputeId are read.
 */
export const V5_DISPUTES_AND_UNRECOGNISED = `
ALTER TABLE notifications ADD COLUMN dispute_id TEXT;
ALTER TABLE calls ADD COLUMN dispute_id TEXT;
ALTER TABLE notifications ADD COLUMN unrecognised TEXT;
CREATE INDEX notifications_dispute_id ON notifications(dispute_id) WHERE dispute_id IS NOT NULL;
CREATE INDEX calls_dispute_id ON calls(dispute_id) WHERE dispute_id IS NOT NULL;
UPDATE notifications SET dispute_id = CASE
    WHEN json_valid(CAST(body AS TEXT)) AND json_type(CAST(body AS TEXT), '$.disputeId') = 'text' THEN json_extract(CAST(body AS TEXT), '$.disputeId')
  END
  WHERE notify_type = 'UNKNOWN' AND instr(CAST(body AS TEXT), '"disputeId"') > 0;
`;
