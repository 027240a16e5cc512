/**
 * The journal's database roles on a real PostgreSQL server, as a deployment sets them up: a
 * non-superuser owner (LOGIN CREATEROLE, owning the database) runs the migrations and
 * `db roles` (applyJournalRoles), creating one login per role; then each login connects and the
 * DATABASE says what it may do: intake stores notifications but cannot read or record calls,
 * operator records a capture, support records an inquiry but its capture row is refused by
 * row-level security, nobody but the owner deletes. capabilities() tells each login the same up front.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JournalRoleKind } from '../../../../src-shared/journal-access';
import { JOURNAL_ROLE_NAMES } from '../../../../src-main/core/journal/postgres/journal-role-grants';
import { PostgresJournal } from '../../../../src-main/core/journal/postgres/postgres-journal';
import { PG_PAYMENTS_PENDING_SEEDS } from '../../../../src-main/core/journal/migrations/postgres/0006-payments-pending-seeds';
import { applyJournalRoles, scramVerifier, type JournalRolesReport } from '../../../../src-main/core/journal/postgres/postgres-roles';
import { describeWithPostgres, useTestDatabase } from '../../../support/postgres';
import { ACK, OK, call, notification } from '../journal-fixtures';

const T0 = '2026-03-01T10:00:00.000Z';
const SUFFIX = randomBytes(3).toString('hex');

function withLogin(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

function paymentNotification(i: number) {
  return notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: `PR-ROLE-${i}`, paymentId: `P-ROLE-${i}`, paymentAmount: { value: '1000', currency: 'USD' } }, T0);
}

const capture = () => call('capture', T0, { paymentId: 'P-ROLE-1', captureRequestId: `CR-${randomBytes(4).toString('hex')}`, captureAmount: { currency: 'USD', value: '1000' } }, { result: OK, captureId: 'C-1', paymentId: 'P-ROLE-1' });
const inquiry = () => call('inquiryPayment', T0, { paymentId: 'P-ROLE-1' }, { result: OK, paymentId: 'P-ROLE-1', paymentStatus: 'SUCCESS' });

/** The SQLSTATE of a rejected query (postgres.js error, or the ConsoleError wrapping it). */
async function sqlStateOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    const e = error as { code?: unknown; details?: { sqlState?: unknown } };
    return String(e.details?.sqlState ?? e.code);
  }
}

describeWithPostgres('journal roles enforced by PostgreSQL', () => {
  const db = useTestDatabase('roles');
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const owner = `antom_owner_${SUFFIX}`;
  let ownerUrl: string;
  const urls = {} as Record<JournalRoleKind, string>;
  const logins = {} as Record<JournalRoleKind, string>;
  const sqls = {} as Record<JournalRoleKind, postgres.Sql>;
  const journals: PostgresJournal[] = [];
  let first: JournalRolesReport;
  let second: JournalRolesReport;

  const journalAs = async (kind: JournalRoleKind): Promise<PostgresJournal> => {
    const journal = await PostgresJournal.open({ url: urls[kind], maxConnections: 1 });
    journals.push(journal);
    return journal;
  };

  beforeAll(async () => {
    const admin = postgres(db.url, { max: 1, onnotice: () => undefined });
    try {
      await admin.unsafe(`CREATE ROLE ${owner} LOGIN CREATEROLE PASSWORD '${scramVerifier(password)}'`);
      await admin.unsafe(`ALTER DATABASE ${db.name} OWNER TO ${owner}`);
    } finally {
      await admin.end();
    }
    ownerUrl = withLogin(db.url, owner, password);
    await (await PostgresJournal.open({ url: ownerUrl, maxConnections: 1 })).close();
    for (const kind of ['intake', 'operator', 'support'] as const) {
      logins[kind] = `${kind}_${SUFFIX}`;
      const report = await applyJournalRoles(ownerUrl, { login: { name: logins[kind], role: kind, password } });
      if (kind === 'intake') first = report;
      urls[kind] = withLogin(db.url, logins[kind], password);
      sqls[kind] = postgres(urls[kind], { max: 1, onnotice: () => undefined });
    }
    second = await applyJournalRoles(ownerUrl);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(journals.map((j) => j.close()));
    await Promise.all(Object.values(sqls).map((s) => s.end()));
    // Roles are cluster-wide: take the logins and the owner away again (the groups stay for other databases).
    const admin = postgres(db.url, { max: 1, onnotice: () => undefined });
    try {
      await admin.unsafe(`ALTER DATABASE ${db.name} OWNER TO CURRENT_USER`);
      for (const name of [...Object.values(logins), owner]) {
        await admin.unsafe(`DROP OWNED BY ${name} CASCADE`).catch(() => undefined);
        await admin.unsafe(`DROP ROLE IF EXISTS ${name}`);
      }
    } finally {
      await admin.end();
    }
  });

  it('db roles reports the three documented roles, the grants from the one list, and is idempotent', () => {
    expect(first.roles.map((r) => r.name)).toEqual(['antom_ops_intake', 'antom_ops_operator', 'antom_ops_support']);
    expect(second.roles.every((r) => !r.created)).toBe(true);
    expect(second.ranAs).toBe(owner);
    const calls = second.grants.find((g) => g.table === 'calls');
    expect(calls).toEqual({ table: 'calls', intake: ['SELECT'], operator: ['SELECT', 'INSERT'], support: ['SELECT', 'INSERT'] });
    expect(second.grants.find((g) => g.table === 'notifications')).toMatchObject({ intake: ['SELECT', 'INSERT', 'UPDATE'], operator: ['SELECT', 'UPDATE (forward_state)'], support: ['SELECT'] });
    expect(second.supportMayRecord).toEqual(['inquiryPayment', 'inquiryRefund', 'downloadDisputeEvidence']);
  });

  it('an intake role granted before receivers queued payments gets INSERT and UPDATE on payments_pending from migration 0006', async () => {
    const ownerSql = postgres(ownerUrl, { max: 1, onnotice: () => undefined });
    try {
      await ownerSql.unsafe(`REVOKE INSERT, UPDATE ON payments_pending FROM ${JOURNAL_ROLE_NAMES.intake}`);
      expect(await sqlStateOf(sqls.intake`INSERT INTO payments_pending (ref) VALUES ('PR-UPGRADE')`)).toBe('42501');
      await ownerSql.unsafe(PG_PAYMENTS_PENDING_SEEDS);
      await sqls.intake`INSERT INTO payments_pending (ref) VALUES ('PR-UPGRADE')`;
      await sqls.intake`DELETE FROM payments_pending WHERE ref = 'PR-UPGRADE'`;
    } finally {
      await ownerSql.end();
    }
  });

  it('intake stores and acknowledges notifications (queueing and draining the Payments list row), reads calls but cannot record one', async () => {
    const journal = await journalAs('intake');
    const [stored] = await journal.storeNotifications([paymentNotification(1)], [ACK]);
    expect(stored!.id).toBeGreaterThan(0);
    const resend = await journal.storeNotification(paymentNotification(1), ACK);
    expect(resend.duplicateOf).toBe(stored!.id);
    await journal.markAcknowledged(stored!.id, ACK);

    // It queues the payment with the notification, then drains the queue as a receiver does after
    // answering (claiming FOR UPDATE SKIP LOCKED): it reads calls, since the list row is derived from them.
    expect(await sqls.intake`SELECT count(*)::int AS n FROM calls`).toHaveLength(1);
    const [queued] = await sqls.intake<{ n: number }[]>`SELECT count(*)::int AS n FROM payments_pending`;
    expect(queued!.n).toBe(1);
    expect(await journal.refreshQueuedPayments(500)).toBe(1);
    const [listed] = await sqls.intake<{ n: number }[]>`SELECT count(*)::int AS n FROM payments`;
    expect(listed!.n).toBe(1);
    expect(await sqlStateOf(journal.recordCall(inquiry()))).toBe('42501');
    expect(await sqlStateOf(sqls.intake`DELETE FROM notifications`)).toBe('42501');
    expect(await sqlStateOf(sqls.intake`UPDATE settings SET value = '1'`)).toBe('42501');

    const access = await journal.capabilities();
    expect(access).toMatchObject({ engine: 'postgres', user: logins.intake, roles: ['intake'] });
    expect(access.capabilities).toEqual({
      readJournal: true, recordMoneyCalls: false, recordInquiries: false, recordReplays: false, writeSettings: false, prune: false, receive: true,
    });
  });

  it('operator reads everything and records a capture (and its ledger row), but cannot store notifications or delete', async () => {
    const journal = await journalAs('operator');
    expect(await journal.recordCall(capture())).toBeGreaterThan(0);
    await journal.requestIdLedger().begin({ kind: 'capture', paymentId: 'P-ROLE-1', currency: 'USD', value: '1000' }, 'CR-LEDGER-1');
    expect((await journal.listNotifications()).items.length).toBeGreaterThan(0);
    await journal.setNotificationExpectedMinutes(7);

    expect(await sqlStateOf(journal.storeNotification(paymentNotification(2), ACK))).toBe('42501');
    expect(await sqlStateOf(sqls.operator`DELETE FROM calls`)).toBe('42501');
    // A forward re-send marks forward_state; nothing else Antom sent can be rewritten by an operator.
    await sqls.operator`UPDATE notifications SET forward_state = forward_state`;
    expect(await sqlStateOf(sqls.operator`UPDATE notifications SET verification = 'verified'`)).toBe('42501');
    expect(await sqlStateOf(sqls.operator`UPDATE notifications SET body = ''::bytea`)).toBe('42501');
    expect(await sqlStateOf(journal.prune({ olderThanDays: 0 }))).toBe('42501');

    const access = await journal.capabilities();
    expect(access.roles).toEqual(['operator']);
    expect(access.capabilities).toEqual({
      readJournal: true, recordMoneyCalls: true, recordInquiries: true, recordReplays: true, writeSettings: true, prune: false, receive: false,
    });
  });

  it('support records an inquiry; the database refuses its capture row (row-level security) and any settings change', async () => {
    const journal = await journalAs('support');
    expect(await journal.recordCall(inquiry())).toBeGreaterThan(0);
    const refused = await journal.recordCall(capture()).then(() => undefined, (e: unknown) => e as { code: string; message: string; details: { sqlState: string } });
    expect(refused).toMatchObject({ code: 'JOURNAL_ROLE_FORBIDS', details: { sqlState: '42501' } });
    expect(refused!.message).toContain('row-level security');
    expect(refused!.message).not.toContain(password);
    // Straight SQL cannot get round it either, whatever the api column says.
    for (const api of ['refund', 'cancel', 'createPaymentSession', 'acceptDispute', 'supplyDefenseDocument']) {
      expect(await sqlStateOf(sqls.support.unsafe(`INSERT INTO calls (attempt_id, call_id, attempt, started_at, profile, environment, api, url, path, client_id,
        request_time, request_body, request_signature_header, latency_ms, trigger, search) VALUES ($1, 'c', 1, $2, 'p', 'sandbox', $3, 'u', 'p', 'c', '0', '{}', 's', 1, 'user', '')`,
      [randomBytes(6).toString('hex'), T0, api])), api).toBe('42501');
    }
    expect(await sqlStateOf(journal.setRetentionDays(1))).toBe('42501');
    expect(await sqlStateOf(sqls.support`UPDATE calls SET api = 'capture'`)).toBe('42501');
    expect(await sqlStateOf(sqls.support`DELETE FROM calls`)).toBe('42501');
    expect(await sqlStateOf(journal.storeNotification(paymentNotification(3), ACK))).toBe('42501');
    expect(await sqlStateOf(journal.requestIdLedger().begin({ kind: 'refund', paymentId: 'P-ROLE-1', currency: 'USD', value: '1' }, 'RR-1'))).toBe('42501');
    // It still reads everything: the operator's capture and the intake's notifications.
    expect((await journal.listCalls({ api: 'capture' })).items.length).toBeGreaterThan(0);
    expect((await journal.listNotifications()).items.length).toBeGreaterThan(0);

    const access = await journal.capabilities();
    expect(access.roles).toEqual(['support']);
    expect(access.capabilities).toEqual({
      readJournal: true, recordMoneyCalls: false, recordInquiries: true, recordReplays: false, writeSettings: false, prune: false, receive: false,
    });
  });

  it('the owner keeps every capability; a table a later migration adds is readable by operator and support at once, by intake only once listed', async () => {
    const ownerJournal = await PostgresJournal.open({ url: ownerUrl, maxConnections: 1 });
    journals.push(ownerJournal);
    expect((await ownerJournal.capabilities()).capabilities).toMatchObject({ recordMoneyCalls: true, prune: true, receive: true, writeSettings: true });
    // A superuser counts as a member of every role for pg_has_role; it is reported as none of them, with everything allowed.
    const superJournal = await PostgresJournal.open({ url: db.url, maxConnections: 1 });
    journals.push(superJournal);
    expect(await superJournal.capabilities()).toMatchObject({ roles: [], capabilities: { recordMoneyCalls: true, prune: true } });
    await ownerJournal.connection().unsafe('CREATE TABLE later_table (id integer)');
    expect(await sqls.operator`SELECT count(*)::int AS n FROM later_table`).toEqual([{ n: 0 }]);
    expect(await sqls.support`SELECT count(*)::int AS n FROM later_table`).toEqual([{ n: 0 }]);
    expect(await sqlStateOf(sqls.intake`SELECT count(*) FROM later_table`)).toBe('42501');
    expect(await sqlStateOf(sqls.operator`INSERT INTO later_table VALUES (1)`)).toBe('42501');
    // Re-running keeps it that way and never removes what a login needs.
    await applyJournalRoles(ownerUrl);
    expect((await (await journalAs('support')).capabilities()).capabilities.recordInquiries).toBe(true);
  });

  it('a login outside the owner cannot run db roles, and group roles have no login of their own', async () => {
    const refused = await applyJournalRoles(urls.operator).then(() => undefined, (e: unknown) => e as { code: string; message: string });
    expect(refused).toMatchObject({ code: 'JOURNAL_ROLE_FORBIDS' });
    expect(refused!.message).toContain('does not own');
    const admin = postgres(db.url, { max: 1, onnotice: () => undefined });
    try {
      const groups = await admin<{ rolname: string; rolcanlogin: boolean }[]>`
        SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname::text = ANY(${Object.values(JOURNAL_ROLE_NAMES)}::text[]) ORDER BY rolname`;
      expect(groups).toEqual(Object.values(JOURNAL_ROLE_NAMES).map((rolname) => ({ rolname, rolcanlogin: false })));
    } finally {
      await admin.end();
    }
  });
});
