/**
 * The "any ID" expansion on SQLite (the link IDs of the payments an ID names) as one recursive
 * CTE, so a lookup is one statement instead of a seed read and a read per hop, each a statement
 * of its own with its rows turned into JS objects (issue 7 §6: that loop made a lookup 60-110%
 * slower than the single statement of the synchronous journal; the walk runs inside SQLite).
 *
 * The walk starts from the ID itself, and every ID in the set is expanded ONCE (the CTE's UNION
 * drops an ID already in the set before it is queued): the rows holding it in a payment link
 * column, through both tables' indexes, give their link IDs. The rows naming the ID as a
 * referenceOrderId or disputeId (which link nothing) give theirs at the start. It ends when
 * nothing new turns up or the set holds RELATED_ID_CAP IDs. So the set is the ID and the whole
 * closure, where the old loop stopped after three reads; the two agree on every payment whose
 * rows reach each other within three hops, which is every flow Antom produces (a refund
 * notification is two hops from its paymentRequestId). Tracking the hop count instead would
 * expand each ID once per hop (2.5 times the work, measured), since SQLite's UNION would see
 * (ID, hop) pairs as new. Starting from the ID, not from the rows holding it in any column, is
 * the same set and one read fewer per table (20% of a lookup, measured).
 *
 * An ID kept in no column (a paymentSessionId) walks to itself alone: the engine then takes
 * the text-search path (SqliteJournal.relatedIds).
 */
import { ID_COLUMN_NAMES } from './journal-id-columns';
import { PAYMENT_LINK_COLUMNS } from './payment-groups';

/** At most this many related IDs (the ID itself first) expand an "any ID" filter. */
export const RELATED_ID_CAP = 500;
/** At most this many rows per table naming the ID as a referenceOrderId or disputeId (as the timeline's row cap). */
const RELATED_ROW_CAP = 5_000;
/** The CTE's name: `related_ids(v)`, one row per ID. Needs WITH RECURSIVE. */
export const RELATED_IDS_CTE = 'related_ids';

/**
 * SQLite has no LATERAL unpivot: a row's six link columns become six rows by a join with six
 * constants and a CASE that picks column k (one index walk per row, not one per column).
 */
const LINK_SLOTS = `(VALUES ${PAYMENT_LINK_COLUMNS.map((_, i) => `(${i + 1})`).join(', ')}) AS slot`;
const linkAt = (row: string): string => `CASE slot.column1 ${PAYMENT_LINK_COLUMNS.map((c, i) => `WHEN ${i + 1} THEN ${row}.${c}`).join(' ')} END`;

/** The ID columns that link no rows to each other: the walk reads them only for the ID itself. */
const NON_LINK_ID_COLUMNS = ID_COLUMN_NAMES.filter((c) => !(PAYMENT_LINK_COLUMNS as readonly string[]).includes(c));

function namedBy(table: 'calls' | 'notifications'): string {
  const rows = `(SELECT ${PAYMENT_LINK_COLUMNS.join(', ')} FROM ${table} WHERE ${NON_LINK_ID_COLUMNS.map((c) => `${c} = ?`).join(' OR ')} LIMIT ${RELATED_ROW_CAP}) AS named`;
  return `SELECT ${linkAt('named')} FROM ${rows}, ${LINK_SLOTS} WHERE ${linkAt('named')} IS NOT NULL`;
}

function hop(table: 'calls' | 'notifications'): string {
  const joined = `${RELATED_IDS_CTE} AS known JOIN ${table} AS linked ON (${PAYMENT_LINK_COLUMNS.map((c) => `linked.${c} = known.v`).join(' OR ')})`;
  return `SELECT ${linkAt('linked')} FROM ${joined}, ${LINK_SLOTS} WHERE ${linkAt('linked')} IS NOT NULL`;
}

/** The CTE for WITH RECURSIVE (without the keywords); its placeholders are all the ID (relatedIdsParams). */
export const RELATED_IDS_WALK = `${RELATED_IDS_CTE}(v) AS (SELECT ?
  UNION ${namedBy('calls')}
  UNION ${namedBy('notifications')}
  UNION ${hop('calls')}
  UNION ${hop('notifications')}
  LIMIT ${RELATED_ID_CAP})`;

/** How many `?` the walk holds (the ID, then the non-link columns of both tables). */
const RELATED_IDS_PARAMS = 1 + NON_LINK_ID_COLUMNS.length * 2;

/** The walk's bound values for `anyId`, in placeholder order. */
export function relatedIdsParams(anyId: string): string[] {
  return Array.from({ length: RELATED_IDS_PARAMS }, () => anyId);
}

/** The walk alone: the related IDs of `anyId` (findById, and the page read when the one-statement page came back empty). */
export const RELATED_IDS_SELECT = `WITH RECURSIVE ${RELATED_IDS_WALK} SELECT v FROM ${RELATED_IDS_CTE}`;
