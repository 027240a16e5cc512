/**
 * What a connection to the shared journal may do, asked of the database itself before the
 * console offers (or sends) anything: table privileges (has_table_privilege, which follows role
 * membership), and whether a restrictive row-level security policy narrows the login's inserts
 * into calls (support's inquiries-only policy). Plain catalog reads: no SECURITY DEFINER
 * function, no probe row written.
 *
 * The needs per capability are listed in journal-role-grants.ts (CAPABILITY_NEEDS); a listed table
 * the database does not have yet is not required.
 */
import { JOURNAL_ROLE_KINDS, type JournalAccess, type JournalCapabilities, type JournalRoleKind } from '../../../../src-shared/journal-access';
import { CAPABILITY_NEEDS, JOURNAL_ROLE_NAMES } from './journal-role-grants';
import type { JournalSql } from './postgres-connection';

interface PrivilegeRow {
  tbl: string;
  priv: string;
  held: boolean;
}

/**
 * true when a RESTRICTIVE INSERT (or ALL) policy on calls applies to this login and the login does
 * not bypass row-level security (superuser, BYPASSRLS, or the table's owner without FORCE).
 */
const CALLS_NARROWED_SQL = `
SELECT coalesce((
  SELECT c.relrowsecurity
    AND NOT (r.rolsuper OR r.rolbypassrls OR (pg_has_role(current_user, c.relowner, 'USAGE') AND NOT c.relforcerowsecurity))
    AND EXISTS (
      SELECT 1 FROM pg_policy p
      WHERE p.polrelid = c.oid AND NOT p.polpermissive AND p.polcmd IN ('a', '*')
        AND (0::oid = ANY (p.polroles) OR EXISTS (SELECT 1 FROM unnest(p.polroles) AS pr(oid) WHERE pg_has_role(current_user, pr.oid, 'USAGE'))))
  FROM pg_class c, pg_roles r
  WHERE c.oid = to_regclass('calls') AND r.rolname = current_user
), false) AS narrowed`;

export async function postgresJournalAccess(sql: JournalSql): Promise<JournalAccess> {
  const needs = Object.values(CAPABILITY_NEEDS).flat();
  const tables = needs.map(([table]) => table);
  const privileges = needs.map(([, privilege]) => privilege);
  // A table that does not exist yet holds "true": nothing to be refused on.
  const rows = await sql<PrivilegeRow[]>`
    SELECT t.tbl, t.priv, CASE WHEN to_regclass(t.tbl) IS NULL THEN true ELSE has_table_privilege(to_regclass(t.tbl), t.priv) END AS held
    FROM unnest(${tables}::text[], ${privileges}::text[]) AS t(tbl, priv)`;
  const held = new Set(rows.filter((r) => r.held).map((r) => `${r.tbl}:${r.priv}`));
  const [narrow] = await sql.unsafe<{ narrowed: boolean }[]>(CALLS_NARROWED_SQL);
  // pg_has_role is true for a superuser and every role: a superuser is reported as no group's member.
  const [who] = await sql<{ user: string; roles: string[] }[]>`
    SELECT current_user AS user, coalesce(array_agg(rolname::text ORDER BY rolname) FILTER (WHERE rolname IS NOT NULL), '{}') AS roles
    FROM pg_roles WHERE rolname::text = ANY(${Object.values(JOURNAL_ROLE_NAMES)}::text[]) AND pg_has_role(current_user, oid, 'MEMBER')
      AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)`;

  const can = (capability: keyof JournalCapabilities): boolean =>
    CAPABILITY_NEEDS[capability].every(([table, privilege]) => held.has(`${table}:${privilege}`));
  const capabilities: JournalCapabilities = {
    readJournal: can('readJournal'),
    recordMoneyCalls: can('recordMoneyCalls'),
    recordInquiries: can('recordInquiries'),
    recordReplays: can('recordReplays'),
    writeSettings: can('writeSettings'),
    prune: can('prune'),
    receive: can('receive'),
  };
  if (narrow?.narrowed === true) capabilities.recordMoneyCalls = false;

  const memberOf = new Set(who?.roles ?? []);
  const roles: JournalRoleKind[] = JOURNAL_ROLE_KINDS.filter((kind) => memberOf.has(JOURNAL_ROLE_NAMES[kind]));
  return { engine: 'postgres', user: who?.user, roles, capabilities };
}
