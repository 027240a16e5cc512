/**
 * `antom-ops db migrate` and `db status` for either engine: the embedded SQLite file of a data
 * directory, or a shared PostgreSQL database. Lives beside the engines because it is one of the
 * few places that must know which engine it holds (migration records and sizes differ).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ConsoleError } from '../../../src-shared/errors';
import { consoleVersion } from '../console-version';
import { resolveDataDir } from '../data-dir';
import { sqliteJournalStatus, type JournalStatus, type MigrationRecord } from './journal-status';
import { PostgresJournal } from './postgres/postgres-journal';
import { postgresJournalStatus } from './postgres/postgres-status';
import type { JournalConfig } from './open-journal';
import { JOURNAL_FILE_NAME, SqliteJournal } from './sqlite-journal';

/** Which journal a command works on (the same config openJournal takes). */
type JournalTarget = JournalConfig;

interface MigrationReport {
  engine: 'sqlite' | 'postgres';
  where: string;
  /** Schema version before and after. */
  from: number;
  to: number;
  /** The steps this run applied (empty when the journal was up to date). */
  applied: MigrationRecord[];
}

function sqliteFile(target: { dataDir?: string | undefined; file?: string | undefined }): string {
  const name = target.file ?? JOURNAL_FILE_NAME;
  return isAbsolute(name) ? name : join(resolveDataDir(target.dataDir), name);
}

/** Apply every missing migration; refuses a journal from a newer console (nothing changed). */
export async function migrateJournal(target: JournalTarget, version: string = consoleVersion()): Promise<MigrationReport> {
  if (target.engine === 'postgres') {
    const journal = await PostgresJournal.open({ url: target.url, consoleVersion: target.consoleVersion ?? version, maxConnections: 1 });
    try {
      const m = journal.migration;
      return { engine: 'postgres', where: journal.describe(), from: m.from, to: m.to, applied: m.applied };
    } finally {
      await journal.close();
    }
  }
  const journal = SqliteJournal.open(target);
  const from = journal.upgradedFrom;
  await journal.close();
  const status = sqliteJournalStatus(journal.file);
  return { engine: 'sqlite', where: journal.file, from, to: status.schemaVersion, applied: status.migrations.filter((m) => m.version > from) };
}

/** What the journal holds; read-only (a journal behind or ahead of this console is described, not changed). */
export async function journalStatus(target: JournalTarget): Promise<JournalStatus> {
  if (target.engine === 'postgres') return postgresJournalStatus(target.url);
  const file = sqliteFile(target);
  if (!existsSync(file)) {
    throw new ConsoleError('NOT_FOUND', `There is no journal at ${file} yet.`, 'It is created by the first command that uses it, or by `antom-ops db migrate`; check --data-dir.', { file });
  }
  return sqliteJournalStatus(file);
}
