/**
 * What the PostgreSQL tests need: the server test/run-tests.sh started for the run
 * (ANTOM_TEST_DATABASE_URL plus PG*, see scripts/throwaway-postgres.sh), and a fresh database per
 * test file, created in beforeAll and dropped (WITH (FORCE): a receiver child may still hold a
 * connection) in afterAll, so files never see each other's rows.
 *
 * Without a server the PostgreSQL suites skip and print why; under CI=true they fail instead,
 * because CI must prove the shared journal works on a real server (like the keychain stage).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import postgres from 'postgres';
import { describeWhen } from './keyring-env';

export const testDatabaseUrl = process.env.ANTOM_TEST_DATABASE_URL;
const postgresReady = testDatabaseUrl !== undefined && testDatabaseUrl !== '';

const NO_POSTGRES_REASON =
  'no PostgreSQL server: ANTOM_TEST_DATABASE_URL is not set. Run the tests with `npm test` or `bash test/run-tests.sh <files>` ' +
  '(it starts a throwaway cluster when `postgresql` is installed: apt-get install -y postgresql), or point ANTOM_TEST_DATABASE_URL at a server you may create databases on.';

export function describeWithPostgres(name: string, body: () => void): void {
  describeWhen(postgresReady, NO_POSTGRES_REASON, name, body);
}

/** The server's URL with another database name. */
function urlForDatabase(database: string, base: string = testDatabaseUrl ?? ''): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Database names are identifiers we build ourselves: lower-case letters, digits and _ only. */
function databaseName(label: string): string {
  const clean = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30);
  return `antom_test_${clean}_${process.pid}_${randomBytes(3).toString('hex')}`;
}

/** A new, empty database on the test server. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  if (!testDatabaseUrl) throw new Error(NO_POSTGRES_REASON);
  const name = databaseName(label);
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: urlForDatabase(name),
    drop: async () => {
      const sql = postgres(testDatabaseUrl, { max: 1, onnotice: () => undefined });
      try {
        await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await sql.end();
      }
    },
  };
}

/**
 * One fresh database for the calling test file (or describe block): its URL is readable from
 * the returned object once beforeAll has run.
 */
export function useTestDatabase(label: string): { readonly url: string; readonly name: string } {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(label);
  });
  afterAll(async () => {
    await db?.drop();
  });
  return {
    get url(): string {
      if (!db) throw new Error('useTestDatabase: the database is created in beforeAll; read .url inside a test or hook');
      return db.url;
    },
    get name(): string {
      if (!db) throw new Error('useTestDatabase: the database is created in beforeAll');
      return db.name;
    },
  };
}
