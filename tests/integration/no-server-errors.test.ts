import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertNoServerErrors,
  fuzzSettings,
  prepareTargets,
  type Send,
} from '../support/fuzz-run.ts';
import type { FuzzTargets } from '../support/hostile-requests.ts';
import {
  INTEGRATION_ADMIN_TOKEN,
  killAllServers,
  type ServerProcess,
  startServer,
  tempDataDir,
} from '../support/server-process.ts';

// SPEC §9 on the built server, where Astro's router, the page cache and the pages run: the
// same arbitrary requests as server/http/no-server-errors.test.ts, over real HTTP. A short run
// here; `FUZZ_RUNS=10000 FUZZ_SEED=<n>` for a long one. The server must log no error either.

const settings = fuzzSettings(150);
let server: ServerProcess;
let removeDir: () => Promise<void>;
let send: Send;
let targets: FuzzTargets;

beforeAll(async () => {
  const dir = await tempDataDir();
  removeDir = dir.remove;
  server = await startServer({ dataDir: dir.dir, env: { RATE_LIMITS: 'off' } });
  send = (request) =>
    fetch(`${server.baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    });
  targets = await prepareTargets(send, INTEGRATION_ADMIN_TOKEN);
}, 60_000);

afterAll(async () => {
  await killAllServers();
  await removeDir();
});

describe('no request gets a 5xx (built server)', () => {
  it(
    `${settings.runs} arbitrary requests over every route`,
    async () => {
      const logBefore = server.output().length;
      const report = await assertNoServerErrors('built server', send, targets, settings);
      expect(report.serverErrors).toBe(0);
      expect(server.output().slice(logBefore)).not.toMatch(/unhandled error|\[ERROR\]/);
    },
    60_000 + settings.runs * 200,
  );
});
