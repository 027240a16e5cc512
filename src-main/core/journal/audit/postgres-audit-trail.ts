/**
 * The audit trail in the shared PostgreSQL journal. The intent is one plain INSERT on the pool:
 * a role without the grant, a row-level security policy or a server that is down all reject it,
 * and the client then sends nothing.
 */
import type { AuditEntry, AuditFilter } from '../../../../src-shared/audit-views';
import { toCsv, toJsonArray } from '../export-format';
import type { ExportFormat, Page, PageRequest } from '../journal-types';
import { journalDatabaseError, type JournalSql, type SqlValue } from '../postgres/postgres-connection';
import { AUDIT_EXPORT_COLUMNS, auditExportRow, auditPage, auditPageSql, auditWhere } from './audit-query';
import { auditSelect, INTENT_COLUMNS, intentValues, OUTCOME_COLUMNS, outcomeValues, type AuditRow, type AuditTrail, type IntentRecord, type OutcomeRecord } from './audit-trail';

function binder(): { bind: (v: string | number) => string; params: SqlValue[] } {
  const params: SqlValue[] = [];
  // Every audit value is text or an integer; the casts keep the server from guessing types.
  return { bind: (v) => { params.push(v); return typeof v === 'number' ? `$${params.length}::bigint` : `$${params.length}::text`; }, params };
}

const INSERT_INTENT = `INSERT INTO call_intents (${INTENT_COLUMNS.join(', ')}) VALUES (${INTENT_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
const INSERT_OUTCOME = `INSERT INTO call_outcomes (${OUTCOME_COLUMNS.join(', ')}) VALUES (${OUTCOME_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

export function postgresAuditTrail(sql: JournalSql, url: string): AuditTrail {
  async function run<T>(text: string, params: SqlValue[], doing: string): Promise<T[]> {
    try {
      return (await sql.unsafe(text, params, { prepare: true })) as unknown as T[];
    } catch (error) {
      throw journalDatabaseError(error, url, doing);
    }
  }
  return {
    async recordIntent(intent: IntentRecord): Promise<void> {
      await run(INSERT_INTENT, intentValues(intent), `record the intent to ${intent.operation}`);
    },
    async recordOutcome(outcome: OutcomeRecord): Promise<void> {
      await run(INSERT_OUTCOME, outcomeValues(outcome), 'record the outcome of a call');
    },
    async listAudit(filter: AuditFilter = {}, page: PageRequest = {}): Promise<Page<AuditEntry>> {
      const b = binder();
      const { sql: text, limit } = auditPageSql(filter, page, b.bind);
      return auditPage(await run<AuditRow>(text, b.params, 'list the audit trail'), limit);
    },
    async exportAudit(filter: AuditFilter = {}, format: ExportFormat = 'csv'): Promise<string> {
      const b = binder();
      const rows = await run<AuditRow>(auditSelect(auditWhere(filter, b.bind), ''), b.params, 'export the audit trail');
      const mapped = rows.map(auditExportRow);
      return format === 'json' ? toJsonArray(mapped) : toCsv(AUDIT_EXPORT_COLUMNS, mapped);
    },
  };
}
