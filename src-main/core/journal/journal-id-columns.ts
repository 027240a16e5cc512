/**
 * The ID columns both journal tables (calls, notifications) keep, on both engines: what an
 * "any ID" lookup searches and what joins a payment's rows to each other.
 */
export const ID_COLUMN_NAMES = ['payment_request_id', 'payment_id', 'capture_request_id', 'capture_id', 'refund_request_id', 'refund_id', 'reference_order_id', 'dispute_id'] as const;

/** The columns through which related IDs reach a row (referenceOrderId is shared, so it is no link). */
export const PAYMENT_ID_LINKS = ['payment_request_id', 'payment_id', 'capture_request_id', 'capture_id', 'refund_request_id', 'refund_id', 'dispute_id'] as const;
