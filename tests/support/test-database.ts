import { readFile } from 'node:fs/promises';
import { type Database, openDatabase } from '../../server/store/database.ts';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function testBackends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh in-memory PGlite from the migrated template, or the shared PostgreSQL test database. */
export async function openTestDatabase(backend: Backend = 'pglite'): Promise<Database> {
  if (backend === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    return openDatabase({ databaseUrl: url });
  }
  const template = process.env.PAYLINK_TEST_PGLITE_TEMPLATE;
  if (!template) return openDatabase({ memory: true });
  const dump = new Blob([await readFile(template)]);
  return openDatabase({ memory: true, loadDataDir: dump });
}
