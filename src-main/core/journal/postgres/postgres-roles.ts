/**
 * `antom-ops db roles`: the documented group roles of a shared journal and their grants, applied
 * by the database owner after `db migrate` (journal-role-grants.ts says who may do what).
 *
 * Idempotent: run it again after every migration (and `db migrate` does, once the roles exist):
 * - the roles are created when missing (NOLOGIN groups; roles are cluster-wide, so a second
 *   journal database on the same server reuses them);
 * - the grants are REVOKEd and re-GRANTed from the list, and the calls policies dropped and
 *   re-created, all in ONE transaction: connected consoles and receivers never see a moment
 *   without their privileges, and a shrunk list takes privileges away;
 * - operator and support read every table, including tables a later migration adds
 *   (ALTER DEFAULT PRIVILEGES for the owner who runs the migrations).
 *
 * A LOGIN role for a person or a receiver (`--login NAME --role KIND`) gets its password as a
 * SCRAM-SHA-256 verifier computed here, so the password itself is never part of an SQL statement
 * (which a server may log).
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { ConsoleError } from '../../../../src-shared/errors';
import { JOURNAL_ROLE_KINDS, type JournalRoleKind } from '../../../../src-shared/journal-access';
import {
  CALLS_POLICIES, INQUIRY_APIS, JOURNAL_ROLE_NAMES, JOURNAL_ROLE_PURPOSES, JOURNAL_TABLE_ACCESS, type TablePrivilege,
} from './journal-role-grants';
import { connectJournalDatabase, describeDatabaseUrl, journalDatabaseError, type JournalSql, type JournalTx } from './postgres-connection';
import { postgresSchemaVersion } from './postgres-migrate';

/** pg_advisory_xact_lock key for `db roles` (two owners running it at once take turns). */
const ROLES_LOCK_KEY = 0x616e746f6d726f6cn;
const SCRAM_ITERATIONS = 4096;

interface RoleLoginRequest {
  name: string;
  role: JournalRoleKind;
  password: string;
}

export interface JournalRolesReport {
  where: string;
  schema: string;
  /** Who ran it (the owner of the journal's tables, or a superuser). */
  ranAs: string;
  roles: Array<{ kind: JournalRoleKind; name: string; created: boolean; purpose: string }>;
  /** What each role holds on each table now. */
  grants: Array<{ table: string } & Partial<Record<JournalRoleKind, Array<TablePrivilege | `UPDATE (${string})`>>>>;
  /** Listed in journal-role-grants.ts but not in this database (yet): no grant made. */
  skippedTables: string[];
  /** support's rows in calls must have one of these APIs (row-level security). */
  supportMayRecord: string[];
  login?: { name: string; role: JournalRoleKind; created: boolean };
}

/** Identifiers we put in DDL: our constants or names the server gave us, quoted all the same. */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const LOGIN_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertLoginName(name: string): string {
  if (!LOGIN_NAME.test(name) || Object.values(JOURNAL_ROLE_NAMES).includes(name) || name.startsWith('pg_')) {
    throw new ConsoleError('VALIDATION_FAILED', `"${name}" is not usable as a login name.`,
      'Use lower-case letters, digits and _ (starting with a letter or _), at most 63 characters, not one of the antom_ops_ group roles and not starting with pg_.', { field: 'login' });
  }
  return name;
}

/**
 * PostgreSQL's SCRAM-SHA-256 verifier (RFC 5802/7677 as the server stores it). ASCII passwords
 * only: the server SASLprep-normalises others, and a verifier computed without the same
 * normalisation would never match.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16)): string {
  if (password.length < 8 || !/^[\x20-\x7e]+$/.test(password)) {
    throw new ConsoleError('VALIDATION_FAILED', 'The password must be at least 8 printable ASCII characters.',
      'Choose a longer password of letters, digits and punctuation (e.g. from a password manager) and pass it on stdin.', { field: 'password' });
  }
  const salted = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, SCRAM_ITERATIONS, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${SCRAM_ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

function sqlStateOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

async function roleExists(sql: JournalSql | JournalTx, name: string): Promise<boolean> {
  const [row] = await sql<{ present: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${name}) AS present`;
  return row?.present === true;
}

/** CREATE ROLE when missing; another `db roles` (another database of the cluster) may win the race. */
async function ensureGroupRole(sql: JournalSql, kind: JournalRoleKind): Promise<boolean> {
  const name = JOURNAL_ROLE_NAMES[kind];
  if (await roleExists(sql, name)) return false;
  try {
    await sql.unsafe(`CREATE ROLE ${ident(name)} NOLOGIN`);
  } catch (error) {
    if (sqlStateOf(error) === '42710' || sqlStateOf(error) === '23505') return false;
    throw error;
  }
  await sql.unsafe(`COMMENT ON ROLE ${ident(name)} IS ${literal(`antom-ops journal role (${kind}): ${JOURNAL_ROLE_PURPOSES[kind]}`)}`);
  return true;
}

async function assertMayAdminister(sql: JournalSql, url: string): Promise<{ schema: string; ranAs: string }> {
  if ((await postgresSchemaVersion(sql)) === 0) {
    throw new ConsoleError('JOURNAL_UNREADABLE', `The shared journal at ${describeDatabaseUrl(url)} has no tables yet.`,
      'Run `antom-ops db migrate --database URL` as the database owner first, then `antom-ops db roles`.');
  }
  const [row] = await sql<{ schema: string | null; ran_as: string; may: boolean }[]>`
    SELECT n.nspname AS schema, current_user AS ran_as,
      (pg_has_role(current_user, c.relowner, 'USAGE') OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)) AS may
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass('calls')`;
  if (!row?.schema) {
    throw new ConsoleError('JOURNAL_UNREADABLE', `The shared journal at ${describeDatabaseUrl(url)} has no calls table in its search path.`, 'Run `antom-ops db migrate` against this database first.');
  }
  if (!row.may) {
    throw new ConsoleError('JOURNAL_ROLE_FORBIDS', `${row.ran_as} does not own the journal's tables at ${describeDatabaseUrl(url)}, so it cannot grant roles on them.`,
      'Run `antom-ops db roles` as the login that ran `db migrate` (the tables\' owner), or as a superuser.', { user: row.ran_as });
  }
  return { schema: row.schema, ranAs: row.ran_as };
}

async function presentTables(tx: JournalTx, schema: string): Promise<Set<string>> {
  const rows = await tx<{ relname: string }[]>`
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p')`;
  return new Set(rows.map((r) => r.relname));
}

async function applyGrants(tx: JournalTx, schema: string): Promise<Pick<JournalRolesReport, 'grants' | 'skippedTables'>> {
  await tx`SELECT pg_advisory_xact_lock(${ROLES_LOCK_KEY.toString()}::bigint)`;
  const s = ident(schema);
  const all = JOURNAL_ROLE_KINDS.map((k) => ident(JOURNAL_ROLE_NAMES[k])).join(', ');
  const readers = [ident(JOURNAL_ROLE_NAMES.operator), ident(JOURNAL_ROLE_NAMES.support)].join(', ');
  await tx.unsafe(`GRANT USAGE ON SCHEMA ${s} TO ${all}`);
  // From nothing to exactly the list, inside this transaction (nobody sees the gap).
  await tx.unsafe(`REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${all}`);
  await tx.unsafe(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${all}`);
  await tx.unsafe(`GRANT SELECT ON ALL TABLES IN SCHEMA ${s} TO ${readers}`);
  await tx.unsafe(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT ON TABLES TO ${readers}`);

  const present = await presentTables(tx, schema);
  const grants: JournalRolesReport['grants'] = [];
  const skippedTables: string[] = [];
  for (const access of JOURNAL_TABLE_ACCESS) {
    if (!present.has(access.table)) {
      skippedTables.push(access.table);
      continue;
    }
    const row: JournalRolesReport['grants'][number] = { table: access.table };
    for (const kind of JOURNAL_ROLE_KINDS) {
      const privileges = access[kind] ?? [];
      if (privileges.length > 0) await tx.unsafe(`GRANT ${privileges.join(', ')} ON ${s}.${ident(access.table)} TO ${ident(JOURNAL_ROLE_NAMES[kind])}`);
      const columns = access.updateColumns?.[kind] ?? [];
      const columnList = columns.map(ident).join(', ');
      if (columns.length > 0) await tx.unsafe(`GRANT UPDATE (${columnList}) ON ${s}.${ident(access.table)} TO ${ident(JOURNAL_ROLE_NAMES[kind])}`);
      // What the role holds: the listed privileges, plus the read-everything SELECT of operator and support.
      const held: NonNullable<JournalRolesReport['grants'][number][JournalRoleKind]> = kind === 'intake' ? [...privileges] : [...new Set<TablePrivilege>(['SELECT', ...privileges])];
      if (columns.length > 0) held.push(`UPDATE (${columns.join(', ')})`);
      if (held.length > 0) row[kind] = held;
    }
    grants.push(row);
  }

  // Row-level security on calls: unchanged for every role (permissive, true) except support,
  // whose inserted rows must be inquiries (restrictive policies AND with the permissive one).
  const calls = `${s}.${ident('calls')}`;
  await tx.unsafe(`ALTER TABLE ${calls} ENABLE ROW LEVEL SECURITY`);
  await tx.unsafe(`DROP POLICY IF EXISTS ${ident(CALLS_POLICIES.anyRow)} ON ${calls}`);
  await tx.unsafe(`CREATE POLICY ${ident(CALLS_POLICIES.anyRow)} ON ${calls} AS PERMISSIVE FOR ALL TO PUBLIC USING (true) WITH CHECK (true)`);
  await tx.unsafe(`DROP POLICY IF EXISTS ${ident(CALLS_POLICIES.supportInquiriesOnly)} ON ${calls}`);
  await tx.unsafe(`CREATE POLICY ${ident(CALLS_POLICIES.supportInquiriesOnly)} ON ${calls} AS RESTRICTIVE FOR INSERT TO ${ident(JOURNAL_ROLE_NAMES.support)}
    WITH CHECK (api IN (${INQUIRY_APIS.map(literal).join(', ')}))`);
  return { grants, skippedTables };
}

async function ensureLogin(sql: JournalSql, login: RoleLoginRequest): Promise<{ name: string; role: JournalRoleKind; created: boolean }> {
  const name = assertLoginName(login.name);
  const verifier = scramVerifier(login.password);
  const group = ident(JOURNAL_ROLE_NAMES[login.role]);
  const existed = await roleExists(sql, name);
  await sql.begin(async (tx) => {
    if (existed) await tx.unsafe(`ALTER ROLE ${ident(name)} WITH LOGIN PASSWORD ${literal(verifier)}`);
    else await tx.unsafe(`CREATE ROLE ${ident(name)} WITH LOGIN PASSWORD ${literal(verifier)}`);
    // One group per login: a login in both support and operator would be narrowed by support's policy.
    for (const kind of JOURNAL_ROLE_KINDS) {
      if (kind !== login.role) await tx.unsafe(`REVOKE ${ident(JOURNAL_ROLE_NAMES[kind])} FROM ${ident(name)}`);
    }
    await tx.unsafe(`GRANT ${group} TO ${ident(name)}`);
  });
  return { name, role: login.role, created: !existed };
}

/** Create the roles (when missing), apply the grants and policies, and optionally a login. Run as the tables' owner. */
export async function applyJournalRoles(url: string, options: { login?: RoleLoginRequest; schema?: string } = {}): Promise<JournalRolesReport> {
  const sql = connectJournalDatabase(url, { max: 1, ...(options.schema ? { schema: options.schema } : {}) });
  try {
    const { schema, ranAs } = await assertMayAdminister(sql, url);
    const roles: JournalRolesReport['roles'] = [];
    for (const kind of JOURNAL_ROLE_KINDS) {
      roles.push({ kind, name: JOURNAL_ROLE_NAMES[kind], created: await ensureGroupRole(sql, kind), purpose: JOURNAL_ROLE_PURPOSES[kind] });
    }
    const { grants, skippedTables } = await sql.begin((tx) => applyGrants(tx, schema));
    const report: JournalRolesReport = { where: describeDatabaseUrl(url), schema, ranAs, roles, grants, skippedTables, supportMayRecord: [...INQUIRY_APIS] };
    if (options.login) report.login = await ensureLogin(sql, options.login);
    return report;
  } catch (error) {
    if (error instanceof ConsoleError) throw error;
    if (sqlStateOf(error) === '42501') {
      throw new ConsoleError('JOURNAL_ROLE_FORBIDS', `The login in ${describeDatabaseUrl(url)} may not create roles or grant on the journal: ${(error as Error).message}.`,
        'Run `antom-ops db roles` as the tables\' owner with the CREATEROLE attribute (ALTER ROLE owner CREATEROLE, as a superuser), or as a superuser.', { sqlState: '42501' }, { cause: error });
    }
    throw journalDatabaseError(error, url, 'apply the journal roles');
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/** True when all three group roles exist: `db migrate` then re-applies the grants for new tables. */
async function journalRolesExist(sql: JournalSql): Promise<boolean> {
  const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_roles WHERE rolname::text = ANY(${Object.values(JOURNAL_ROLE_NAMES)}::text[])`;
  return row?.n === JOURNAL_ROLE_KINDS.length;
}

/**
 * After `db migrate`: when `db roles` has been run on this cluster before, apply the grants again
 * so the tables the migration added are granted too. Quietly does nothing when the roles do not
 * exist (team mode without roles) and reports a refusal as an error (the owner must know).
 */
export async function reapplyJournalRolesIfPresent(url: string): Promise<JournalRolesReport | undefined> {
  const sql = connectJournalDatabase(url, { max: 1 });
  let present: boolean;
  try {
    present = await journalRolesExist(sql);
  } catch (error) {
    throw journalDatabaseError(error, url, 'look up the journal roles');
  } finally {
    await sql.end({ timeout: 2 });
  }
  return present ? applyJournalRoles(url) : undefined;
}
