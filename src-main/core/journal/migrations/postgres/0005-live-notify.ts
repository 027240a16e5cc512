/**
 * PostgreSQL 0005: live updates for consoles on a shared journal (issue 7 §4).
 *
 * Every new call row and every notification POST (a notification_attempts row: a first POST or a
 * resend) sends a NOTIFY on the channel `antom_ops_journal:<schema>` in the writing transaction,
 * so listeners hear about it only once it is COMMITTED. A trigger rather than pg_notify in the
 * engine's INSERTs: every writer (any receiver, any console, any later version's code path) is
 * covered without each remembering to notify.
 *
 * The payload is small on purpose (NOTIFY payloads are capped at 8000 bytes and queued for every
 * listener): the kind, the row id and the writer's application_name, e.g.
 * {"k":"call","id":42,"o":"antom-ops 1234/9f3a"}. A listener reads the row itself by id
 * (postgres/postgres-live-feed.ts) and skips rows its own connection pool wrote ("o").
 * The channel carries the schema so journals in two schemas of one database do not hear each other.
 */
export const PG_LIVE_NOTIFY = `
CREATE FUNCTION journal_live_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(
    'antom_ops_journal:' || TG_TABLE_SCHEMA,
    json_build_object('k', TG_ARGV[0], 'id', NEW.id, 'o', current_setting('application_name', true))::text
  );
  RETURN NULL;
END
$$;

CREATE TRIGGER calls_live_notify AFTER INSERT ON calls
  FOR EACH ROW EXECUTE FUNCTION journal_live_notify('call');
CREATE TRIGGER notification_attempts_live_notify AFTER INSERT ON notification_attempts
  FOR EACH ROW EXECUTE FUNCTION journal_live_notify('notification');
`;
