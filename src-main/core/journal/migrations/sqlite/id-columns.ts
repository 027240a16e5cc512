/**
 * The ID columns v1 created on both calls and notifications, with one partial index each.
 * Frozen with v1: a later migration that adds an ID column spells it out itself.
 */
const ID_COLUMNS = ['payment_request_id', 'payment_id', 'capture_request_id', 'capture_id', 'refund_request_id', 'refund_id', 'reference_order_id'];

export const idColumns = ID_COLUMNS.map((c) => `  ${c} TEXT`).join(',\n');
export const idIndexes = (table: string): string =>
  ID_COLUMNS.map((c) => `CREATE INDEX ${table}_${c} ON ${table}(${c}) WHERE ${c} IS NOT NULL;`).join('\n');

