import { NOTIFICATION_REPLAYS_SQL } from '../../notification-replays';

/** v4: replays of stored notifications and what their targets answered. */
export const V4_NOTIFICATION_REPLAYS = NOTIFICATION_REPLAYS_SQL;
