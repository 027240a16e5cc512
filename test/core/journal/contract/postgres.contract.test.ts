/**
 * The journal contract on the shared engine: a real PostgreSQL server (the test run's), one
 * database for this file, and a fresh, empty schema per journal the contract asks for (the same
 * as a fresh database, without paying CREATE DATABASE 41 times). `sameStore` opens a second
 * journal on the same schema: a second receiver or console on the same database.
 */
import postgres from 'postgres';
import { afterAll } from 'vitest';
import type { Journal } from '../../../../src-main/core/journal/journal';
import { openJournal } from '../../../../src-main/core/journal/open-journal';
import { describeWithPostgres, useTestDatabase } from '../../../support/postgres';
import { describeJournalContract, type RawPaymentRow } from './journal-contract';

describeWithPostgres('PostgreSQL journal engine', () => {
  const db = useTestDatabase('contract');
  const schemaOf = new WeakMap<Journal, string>();
  let admin: postgres.Sql | undefined;
  let n = 0;

  afterAll(async () => {
    await admin?.end();
  });

  async function openIn(schema: string, config = {}): Promise<Journal> {
    const journal = await openJournal({ engine: 'postgres', url: db.url, schema, ...config });
    schemaOf.set(journal, schema);
    return journal;
  }

  describeJournalContract(
    'postgres',
    async (config) => {
      admin ??= postgres(db.url, { max: 1, onnotice: () => undefined });
      const schema = `journal_case_${++n}`;
      await admin.unsafe(`CREATE SCHEMA ${schema}`);
      return openIn(schema, config);
    },
    {
      sameStore: async (journal) => {
        const schema = schemaOf.get(journal);
        if (!schema) throw new Error('this journal was not opened by the PostgreSQL contract factory');
        return openIn(schema);
      },
      rawPayments: async (journal) => {
        const schema = schemaOf.get(journal);
        if (!schema || !admin) throw new Error('this journal was not opened by the PostgreSQL contract factory');
        return admin.unsafe<RawPaymentRow[]>(`SELECT key, status, refunded_value FROM ${schema}.payments ORDER BY key`);
      },
    },
  );
});
