/**
 * The PostgreSQL test stage itself: a real server on loopback, one fresh database per file,
 * dropped at the end. If this file skips, every PostgreSQL suite skips for the same reason.
 */
import postgres from 'postgres';
import { expect, it } from 'vitest';
import { createTestDatabase, describeWithPostgres, testDatabaseUrl, useTestDatabase } from '../../../support/postgres';

describeWithPostgres('PostgreSQL test server', () => {
  const db = useTestDatabase('stage');

  it('is a real PostgreSQL server reached over loopback, with a fresh, empty database for this file', async () => {
    const sql = postgres(db.url, { max: 1 });
    try {
      const [info] = await sql<{ version: string; addr: string | null; db: string }[]>`
        SELECT version() AS version, host(inet_server_addr()) AS addr, current_database() AS db`;
      expect(info!.version).toMatch(/^PostgreSQL \d+/);
      // Loopback TCP or the unix socket (no address): never another host.
      expect([null, '127.0.0.1', '::1']).toContain(info!.addr);
      expect(info!.db).toBe(db.name);
      const [tables] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`;
      expect(tables!.n).toBe(0);
    } finally {
      await sql.end();
    }
  });

  it('creates a separate database per call and drops it', async () => {
    const other = await createTestDatabase('stage other');
    expect(other.name).not.toBe(db.name);
    const admin = postgres(testDatabaseUrl!, { max: 1 });
    try {
      const exists = async (name: string): Promise<boolean> =>
        (await admin<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_database WHERE datname = ${name}`)[0]!.n === 1;
      expect(await exists(other.name)).toBe(true);
      await other.drop();
      expect(await exists(other.name)).toBe(false);
    } finally {
      await admin.end();
    }
  });
});
