import pg from 'pg';

/**
 * Makes one PostgreSQL database unreachable and reachable again, as an outage would, from an
 * admin connection to another database on the same server (TEST_DATABASE_URL's). Only the
 * given database is touched: other test runs share the server.
 */
export function databaseOutage(databaseUrl: string, adminUrl = process.env.TEST_DATABASE_URL) {
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^\w+$/.test(name) || name === new URL(adminUrl).pathname.slice(1)) {
    throw new Error(`refusing to cut ${name}: not a scratch database`);
  }
  const admin = async (statement: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement, values);
    } finally {
      await client.end();
    }
  };
  return {
    /** New connections are refused and every open one is ended (57P01, then 55000). */
    cut: async () => {
      await admin(`alter database ${name} allow_connections false`);
      await admin(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
    },
    restore: () => admin(`alter database ${name} allow_connections true`),
  };
}
