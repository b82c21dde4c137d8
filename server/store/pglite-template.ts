import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { extractTar } from './extract-tar.ts';

/**
 * A fresh PGlite data directory, made once at build time and unpacked on first start.
 * PGlite's own first start runs initdb in a second WebAssembly instance: 9-12 s and a 1.1 GB
 * peak on the machines measured (docs/decisions/010-memory-and-start.md); unpacking takes
 * well under a second. The server's migrations still run after unpacking, as on any start.
 */
export const PGLITE_TEMPLATE_FILE = 'pglite-template.tar.gz';

/** Runs initdb in memory and writes the resulting data directory as a gzipped tar. */
export async function writePgliteTemplate(file: string): Promise<void> {
  const client = await PGlite.create();
  try {
    // A checkpoint first, so the unpacked copy starts without WAL to replay.
    await client.exec('checkpoint');
    const dump = await client.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
}

/**
 * Unpacks the template into `pgdata` when that directory is missing or empty; leaves anything
 * else alone (an existing database, or a directory PGlite itself must judge). Unpacks beside
 * it and renames, so a crash midway never leaves a half-made database behind.
 */
export async function seedPgliteDataDir(pgdata: string, template: string): Promise<boolean> {
  if (!existsSync(template) || !(await isMissingOrEmpty(pgdata))) return false;
  const staging = `${pgdata}.seed-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true, mode: 0o700 });
  try {
    await extractTar(createReadStream(template).pipe(createGunzip()), staging);
    if (existsSync(pgdata)) await rmdir(pgdata);
    await rename(staging, pgdata);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return true;
}

async function isMissingOrEmpty(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/** Where the built server keeps the template: beside the bundled module, or one level up. */
export function findPgliteTemplate(moduleUrl: string): string | undefined {
  for (const relative of [`./${PGLITE_TEMPLATE_FILE}`, `../${PGLITE_TEMPLATE_FILE}`]) {
    const url = new URL(relative, moduleUrl);
    if (url.protocol === 'file:' && existsSync(url)) return fileURLToPath(url);
  }
  return undefined;
}
