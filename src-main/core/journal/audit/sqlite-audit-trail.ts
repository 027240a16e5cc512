/** The audit trail in the SQLite journal file (better-sqlite3: the promises are settled on return). */
import type Database from 'better-sqlite3';
import type { AuditEntry, AuditFilter } from '../../../../src-shared/audit-views';
import { toCsv, toJsonArray } from '../export-format';
import type { ExportFormat, Page, PageRequest } from '../journal-types';
import { AUDIT_EXPORT_COLUMNS, auditExportRow, auditPage, auditPageSql, auditWhere } from './audit-query';
import { auditSelect, INTENT_COLUMNS, intentValues, OUTCOME_COLUMNS, outcomeValues, type AuditRow, type AuditTrail, type IntentRecord, type OutcomeRecord } from './audit-trail';

/** Placeholders in order: SQLite binds `?` positionally. */
function binder(): { bind: (v: string | number) => string; params: Array<string | number> } {
  const params: Array<string | number> = [];
  return { bind: (v) => { params.push(v); return '?'; }, params };
}

export function sqliteAuditTrail(db: Database.Database): AuditTrail {
  const insertIntent = db.prepare(`INSERT INTO call_intents (${INTENT_COLUMNS.join(', ')}) VALUES (${INTENT_COLUMNS.map(() => '?').join(', ')})`);
  const insertOutcome = db.prepare(`INSERT INTO call_outcomes (${OUTCOME_COLUMNS.join(', ')}) VALUES (${OUTCOME_COLUMNS.map(() => '?').join(', ')})`);
  return {
    async recordIntent(intent: IntentRecord): Promise<void> {
      insertIntent.run(...intentValues(intent));
    },
    async recordOutcome(outcome: OutcomeRecord): Promise<void> {
      insertOutcome.run(...outcomeValues(outcome));
    },
    async listAudit(filter: AuditFilter = {}, page: PageRequest = {}): Promise<Page<AuditEntry>> {
      const b = binder();
      const { sql, limit } = auditPageSql(filter, page, b.bind);
      return auditPage(db.prepare(sql).all(...b.params) as AuditRow[], limit);
    },
    async exportAudit(filter: AuditFilter = {}, format: ExportFormat = 'csv'): Promise<string> {
      const b = binder();
      const rows = db.prepare(auditSelect(auditWhere(filter, b.bind), '')).iterate(...b.params) as IterableIterator<AuditRow>;
      const mapped = (function* () { for (const row of rows) yield auditExportRow(row); })();
      return format === 'json' ? toJsonArray(mapped) : toCsv(AUDIT_EXPORT_COLUMNS, mapped);
    },
  };
}
