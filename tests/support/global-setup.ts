import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../server/store/database.ts';

/**
 * Creating a PGlite database takes seconds; loading a dump takes a fraction of that. One
 * migrated database is dumped once per run and every test file starts from a copy.
 */
export default async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'paylink-test-'));
  const database = await openDatabase({ memory: true });
  const client = (
    database.db as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } }
  ).$client;
  const dump = await client.dumpDataDir('none');
  await database.close();
  const file = join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  process.env.PAYLINK_TEST_PGLITE_TEMPLATE = file;
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
