// A scratch PostgreSQL database on 127.0.0.1:5432 for the two-process measurement.
import { execFileSync } from 'node:child_process';

const connection = ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres'];

/** Creates an empty database; answers its name and DATABASE_URL. */
export function createScratchDatabase() {
  const name = `paylink_bench_${process.pid}_${Date.now()}`;
  execFileSync('createdb', [...connection, name], { stdio: 'pipe', timeout: 30_000 });
  return { name, url: `postgres://postgres@127.0.0.1:5432/${name}` };
}

/** Drops the database, ending sessions still connected to it. */
export function dropScratchDatabase(name) {
  execFileSync('dropdb', [...connection, '--if-exists', '--force', name], {
    stdio: 'pipe',
    timeout: 30_000,
  });
}
