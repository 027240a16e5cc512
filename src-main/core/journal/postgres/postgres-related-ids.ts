/**
 * The "any ID" expansion (the link IDs of the payments an ID names) as a WITH prefix, so that the
 * expansion and the page it filters travel in ONE statement (issue 7 §6: a lookup's time was
 * its round trips, not the server's work). The same closure as PostgresJournal.relatedIds and as
 * SQLite's walk (sqlite-related-ids.ts): seed rows carry the ID in an ID column; then reads over
 * the payment link columns, each only while the previous read added an ID (as the loop's break:
 * reading the same set again finds the same rows) and the set is within RELATED_ID_CAP. So a
 * chain is followed to its end, as on SQLite (it stopped after three reads before; every flow
 * Antom produces closes within two). An ID kept in no column (a paymentSessionId) finds no seed
 * rows here: the engine then takes the text-search path (see PostgresJournal.listNotifications).
 */
import { ID_COLUMN_NAMES } from '../journal-id-columns';
import { PAYMENT_LINK_COLUMNS } from '../payment-groups';

/** At most this many rows per table per read (as TIMELINE_ROW_CAP in the engines). */
export const RELATED_ROW_CAP = 5_000;
/** At most this many related IDs expand an "any ID" filter; as SQLite. */
export const RELATED_ID_CAP = 500;

/** The CTE the page reads: `related_ids(ids text[])`, one row. It needs WITH RECURSIVE. */
export const RELATED_IDS_CTE = 'related_ids';

const linkColumns = PAYMENT_LINK_COLUMNS.join(', ');
const linkValues = PAYMENT_LINK_COLUMNS.map((c) => `(${c})`).join(', ');

function bothTables(where: string): string {
  const read = (table: string): string => `(SELECT ${linkColumns} FROM ${table} WHERE ${where} LIMIT ${RELATED_ROW_CAP})`;
  return `${read('calls')} UNION ALL ${read('notifications')}`;
}

/** The link IDs of the rows `rows` reads, with those of the array `previous` (when given), as one text[] (never NULL). */
function idsOf(rows: string, previous?: string): string {
  const fromRows = `SELECT link.v FROM (${rows}) AS r, LATERAL (VALUES ${linkValues}) AS link(v) WHERE link.v IS NOT NULL`;
  const all = previous ? `${fromRows} UNION SELECT unnest(${previous})` : fromRows;
  return `(SELECT coalesce(array_agg(DISTINCT v), '{}'::text[]) FROM (${all}) AS found(v))`;
}

/**
 * The CTEs (for WITH RECURSIVE, without the keywords) for the ID bound at placeholder `anyId`
 * (e.g. "$3"). A recursive walk rather than one CTE per read: the same reads, and a statement
 * the server plans in a fraction of the time (planning, not running, was most of its cost).
 *
 * ONE read serves the seed and every hop, so the server plans two table reads, not four: the
 * walk starts from the empty set at depth -1, and every read also takes the rows holding the ID
 * itself (a link column holding it is `= ANY(ids || ID)`; referenceOrderId and disputeId, which
 * link nothing, by equality). At depth -1 that is exactly the seed; later it re-reads the seed
 * rows, whose IDs are already in the set, so the sets are the loop's. `grew` ends the walk once
 * a read adds nothing (reading the same set again finds the same rows), so the usual ID (one
 * payment, all its IDs on the seed rows) costs the seed and one read, not the seed and three.
 */
export function relatedIdsCte(anyId: string): string {
  // Pure in its placeholder ("$1", "$4"...): built once per placeholder, not on every keystroke's
  // lookup (it is most of the 9 KB of strings a page statement allocated; fewer young-GC pauses).
  const built = builtByPlaceholder.get(anyId);
  if (built !== undefined) return built;
  const cte = buildRelatedIdsCte(anyId);
  builtByPlaceholder.set(anyId, cte);
  return cte;
}

/** Placeholders are "$n" for the few n a filter reaches (one entry each). */
const builtByPlaceholder = new Map<string, string>();

function buildRelatedIdsCte(anyId: string): string {
  const linkArms = PAYMENT_LINK_COLUMNS.map((c) => `${c} = ANY(w.ids || ${anyId}::text)`);
  const idArms = ID_COLUMN_NAMES.filter((c) => !(PAYMENT_LINK_COLUMNS as readonly string[]).includes(c)).map((c) => `${c} = ${anyId}`);
  const read = bothTables(`(${[...linkArms, ...idArms].join(' OR ')})`);
  // As the loop: a read only while the last one grew the set and the set is within the cap (each read
  // that goes on adds an ID, so the cap ends any chain); the last set kept is the last row.
  const walk = `related_walk(depth, ids, grew) AS (SELECT -1, '{}'::text[], true
  UNION ALL SELECT w.depth + 1, n.ids, cardinality(n.ids) > cardinality(w.ids) FROM related_walk AS w, LATERAL ${idsOf(read, 'w.ids')} AS n(ids)
    WHERE w.grew AND cardinality(w.ids) <= ${RELATED_ID_CAP})`;
  return `${walk},\n${RELATED_IDS_CTE} AS (SELECT ids[1:${RELATED_ID_CAP}] AS ids FROM related_walk ORDER BY depth DESC LIMIT 1)`;
}
