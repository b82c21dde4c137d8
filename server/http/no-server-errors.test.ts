import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertNoServerErrors,
  fuzzSettings,
  prepareTargets,
  type Send,
} from '../../tests/support/fuzz-run.ts';
import type { FuzzTargets } from '../../tests/support/hostile-requests.ts';
import {
  createTestPaylink,
  TEST_ADMIN_TOKEN,
  type TestPaylink,
} from '../../tests/support/test-paylink.ts';

// SPEC §9: "Nothing a client sends ever causes a 500." A property over every documented
// operation and the page routes: arbitrary paths (bytes, unicode, control characters),
// methods, headers, content types and bodies (JSON of any depth and unicode). A few hundred
// requests here; `FUZZ_RUNS=10000 FUZZ_SEED=<n>` for a long run, replayable by its seed.
// Every answer also goes through the OpenAPI conformance check (tests/support).

const settings = fuzzSettings(300);
let t: TestPaylink;
let send: Send;
let targets: FuzzTargets;

beforeAll(async () => {
  t = await createTestPaylink({ env: { PAYMENT_PROVIDER: 'sandbox', RATE_LIMITS: 'off' } });
  send = async (request) =>
    t.app.request(request.path, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
  targets = await prepareTargets(send, TEST_ADMIN_TOKEN);
});
afterAll(() => t.close());

describe('no request gets a 5xx (in-process app)', () => {
  it(
    `${settings.runs} arbitrary requests over every route`,
    async () => {
      const report = await assertNoServerErrors('in-process', send, targets, settings);
      expect(report.serverErrors).toBe(0);
      expect(report.requests).toBeGreaterThanOrEqual(settings.runs);
    },
    60_000 + settings.runs * 100,
  );
});
