import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

/**
 * A throw-away PostgreSQL database on the server of TEST_DATABASE_URL, for tests whose
 * workers sweep every due row: in the shared test database they would take other files' work.
 */
export async function createScratchDatabase(
  baseUrl: string | undefined = process.env.TEST_DATABASE_URL,
): Promise<ScratchDatabase> {
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `paylink_scratch_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE ends connections a crashed test or a killed server process left behind.
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}
