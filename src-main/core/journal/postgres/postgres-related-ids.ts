/**
 * The "any ID" expansion (the link IDs of the payments an ID names) as a WITH prefix, so that the
 * expansion and the page it filters travel in ONE statement (issue 7 §6: a lookup's time was
 * its round trips, not the server's work). The same closure as PostgresJournal.relatedIds: seed
 * rows carry the ID in an ID column; then up to three reads over the payment link columns, each
 * read only while the set is within RELATED_ID_CAP; the IDs of the last read are not added (as
 * there). An ID kept in no column (a paymentSessionId) finds no seed rows here: the engine then
 * takes the text-search path (see PostgresJournal.listNotifications).
 */
import { ID_COLUMN_NAMES } from '../journal-filters';
import { PAYMENT_LINK_COLUMNS } from '../payment-groups';

/** At most this many rows per table per read (as TIMELINE_ROW_CAP in the engines). */
export const RELATED_ROW_CAP = 5_000;
/** At most this many related IDs expand an "any ID" filter; as SQLite. */
export const RELATED_ID_CAP = 500;
/** Reads after the seed: the engine's loop runs four rounds and adds the IDs of the first three. */
const EXPANSION_READS = 3;

/** The CTE the page reads: `related_ids(ids text[])`, one row. */
export const RELATED_IDS_CTE = 'related_ids';

const linkColumns = PAYMENT_LINK_COLUMNS.join(', ');
const linkValues = PAYMENT_LINK_COLUMNS.map((c) => `(${c})`).join(', ');

function bothTables(where: string, guard = ''): string {
  const read = (table: string): string => `(SELECT ${linkColumns} FROM ${table} WHERE (${where})${guard} LIMIT ${RELATED_ROW_CAP})`;
  return `${read('calls')} UNION ALL ${read('notifications')}`;
}

/** The link IDs of some rows, added to a previous set (when given), as one text[] (never NULL). */
function idsOf(rows: string, previous?: string): string {
  const fromRows = `SELECT v FROM ${rows}, LATERAL (VALUES ${linkValues}) AS link(v) WHERE v IS NOT NULL`;
  const all = previous ? `${fromRows} UNION SELECT unnest(ids) FROM ${previous}` : fromRows;
  return `SELECT coalesce(array_agg(DISTINCT v), '{}'::text[]) AS ids FROM (${all}) AS found(v)`;
}

/** `WITH ...` (without the keyword) for the ID bound at placeholder `anyId` (e.g. "$3"). */
export function relatedIdsCte(anyId: string): string {
  const parts = [`related_rows_0 AS (${bothTables(ID_COLUMN_NAMES.map((c) => `${c} = ${anyId}`).join(' OR '))})`, `related_ids_0 AS (${idsOf('related_rows_0')})`];
  for (let k = 1; k <= EXPANSION_READS; k++) {
    const previous = `related_ids_${k - 1}`;
    // The cast makes the sub-select one array value (ANY over a bare sub-select compares to each row).
    const set = `(SELECT ids FROM ${previous})::text[]`;
    const match = PAYMENT_LINK_COLUMNS.map((c) => `${c} = ANY(${set})`).join(' OR ');
    // As the loop: no read once the set has outgrown the cap.
    parts.push(`related_rows_${k} AS (${bothTables(match, ` AND cardinality(${set}) <= ${RELATED_ID_CAP}`)})`);
    parts.push(`related_ids_${k} AS (${idsOf(`related_rows_${k}`, previous)})`);
  }
  parts.push(`${RELATED_IDS_CTE} AS (SELECT ids[1:${RELATED_ID_CAP}] AS ids FROM related_ids_${EXPANSION_READS})`);
  return parts.join(',\n');
}
