import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseOutage } from '../support/database-outage.ts';
import { readEvents } from '../support/event-stream.ts';
import { asMerchant, call, createRemoteMerchant } from '../support/remote-paylink.ts';
import { createScratchDatabase } from '../support/scratch-database.ts';
import {
  killAllServers,
  type ServerProcess,
  startServer,
  tempDataDir,
} from '../support/server-process.ts';

// SPEC §9 "Outages": while the database cannot be reached, every endpoint that needs it answers
// 503 with Retry-After (the API's envelope, JSON:API on v4, a friendly page on /b2b), never
// 500, and the processes recover by themselves when it returns. Two builds share one
// PostgreSQL database of this test's own, whose connections the test cuts.

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await killAllServers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const healthy = (server: ServerProcess) => async () =>
  (await fetch(`${server.baseUrl}/healthz`)).status === 200;

type Answer = { status: number; retryAfter: string | null; type: string; body: string };

async function ask(server: ServerProcess, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${server.baseUrl}${path}`, init);
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('a PostgreSQL outage, two processes', () => {
  it(
    '503 with Retry-After everywhere, a friendly page, then recovery without a restart',
    {
      timeout: 120_000,
    },
    async () => {
      const database = await createScratchDatabase();
      cleanups.push(database.drop);
      const outage = databaseOutage(database.url);
      cleanups.push(outage.restore);
      const env = {
        DATABASE_URL: database.url,
        SECRET_KEY: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'info',
      };
      const dirs = await Promise.all([tempDataDir(), tempDataDir()]);
      for (const dir of dirs) cleanups.push(dir.remove);
      const a = await startServer({ dataDir: dirs[0]!.dir, env, readyTimeoutMs: 60_000 });
      const b = await startServer({ dataDir: dirs[1]!.dir, env, readyTimeoutMs: 60_000 });
      const merchant = await createRemoteMerchant(a.baseUrl, {});
      const links = `/api/v1.0/payment-link-manage/${merchant.accountId}`;
      const link = (
        await call(a.baseUrl, 'POST', links, {
          headers: asMerchant(merchant),
          body: { title: 'Kaos Polos', total_amount: 20_000 },
          expected: 200,
        })
      ).data;
      const publicId = String(link.payment_url).split('/b2b/')[1] ?? '';
      // Rendered, then served from A's page cache (docs/decisions/009).
      expect((await ask(a, `/b2b/${publicId}`)).status).toBe(200);
      expect((await ask(a, `/b2b/${publicId}`)).status).toBe(200);
      // A customer's page, open on process A through the outage.
      const stream = readEvents(
        (await fetch(`${a.baseUrl}/b2b/${publicId}/events`)).body as ReadableStream<Uint8Array>,
      );
      expect(JSON.parse((await stream.next())?.data ?? '')).toMatchObject({ link_status: 'open' });

      await outage.cut();
      const v4Auth = `Basic ${Buffer.from(`${merchant.clientId}:${merchant.clientSecret}`).toString('base64')}`;
      const browser = { accept: 'text/html,application/xhtml+xml', origin: a.baseUrl };
      await until(
        'A answers 503',
        async () => (await ask(a, links, { headers: asMerchant(merchant) })).status === 503,
      );

      const api = {
        list: await ask(a, links, { headers: asMerchant(merchant) }),
        create: await ask(
          b,
          links,
          json({ title: 'Kaos', total_amount: 20_000 }, asMerchant(merchant)),
        ),
        token: await ask(
          b,
          '/api/v1.0/access-token/b2b',
          json(
            { grant_type: 'client_credentials' },
            { 'x-partner-id': merchant.apiKey, authorization: v4Auth },
          ),
        ),
        pay: await ask(
          a,
          `/b2b/${publicId}/payments`,
          json({ method: 'VA_BRI' }, { origin: a.baseUrl }),
        ),
        status: await ask(b, `/b2b/${publicId}/status`),
        sandbox: await ask(
          a,
          '/sandbox/api/va-payments',
          json({ bank: 'BRI', va_number: '8888812345678901', amount: 20_000 }),
        ),
      };
      for (const [name, answer] of Object.entries(api)) {
        expect({ name, status: answer.status, retryAfter: answer.retryAfter }).toEqual({
          name,
          status: 503,
          retryAfter: '5',
        });
        expect(JSON.parse(answer.body)).toMatchObject({
          status: 503,
          success: false,
          error: { code: 503, reason: 'SERVICE_UNAVAILABLE' },
        });
      }
      const v4 = await ask(
        a,
        '/api/v4/payment_links',
        json({ data: { attributes: {} } }, { authorization: v4Auth }),
      );
      expect(v4.status).toBe(503);
      expect(v4.retryAfter).toBe('5');
      expect(JSON.parse(v4.body)).toEqual({
        errors: [expect.objectContaining({ status: '503', code: 'SERVICE_UNAVAILABLE' })],
      });
      // /healthz shares its answer for a second (server/cache/shared-for-one-second.ts).
      for (const server of [a, b]) {
        await until(
          '/healthz says 503',
          async () => (await ask(server, '/healthz')).status === 503,
        );
      }

      // The customer's pages: the page's own friendly answer, in its language, no stack.
      const pages = {
        // The page A kept is not passed off as current while A cannot hear of changes.
        cached: await ask(a, `/b2b/${publicId}`, { headers: browser }),
        linkId: await ask(b, `/b2b/${publicId}`, { headers: browser }),
        linkEn: await ask(a, `/b2b/${publicId}?lang=en`, { headers: browser }),
        payment: await ask(a, `/b2b/${publicId}/payments/PY0123456789ABCDEFGH`, {
          headers: { ...browser, 'accept-language': 'en' },
        }),
        form: await ask(b, `/b2b/${publicId}/payments`, {
          method: 'POST',
          headers: {
            ...browser,
            'content-type': 'application/x-www-form-urlencoded',
            origin: b.baseUrl,
          },
          body: 'method=VA_BRI',
        }),
      };
      for (const [name, answer] of Object.entries(pages)) {
        expect({
          name,
          status: answer.status,
          retryAfter: answer.retryAfter,
          type: answer.type,
        }).toEqual({
          name,
          status: 503,
          retryAfter: '5',
          type: 'text/html; charset=utf-8',
        });
        expect(answer.body).toContain('<!DOCTYPE html>');
        expect(answer.body).not.toMatch(/Error|at \w+ \(|Failed query|stack/);
      }
      expect(pages.linkId.body).toContain('Layanan sedang terganggu');
      expect(pages.linkEn.body).toContain('Service temporarily unavailable');
      expect(pages.payment.body).toContain('Service temporarily unavailable');
      expect(pages.form.body).toContain(`href="/b2b/${publicId}"`);

      // Crafted paths while requests fail: refused unread (404), or a 503 whose line (checked
      // below with all the others) holds none of it.
      for (const path of [
        `${links}/%0a${new Date().toISOString()}%20info%20account%2001ABC%20created`,
        `${links}/%E2%80%A8${new Date().toISOString()}%20info%20forged`,
        `${links}/%E2%80%AE1`,
      ]) {
        const status = (await ask(a, path, { headers: asMerchant(merchant) })).status;
        expect([404, 503]).toContain(status);
      }

      await outage.restore();
      await until('A healthy again', healthy(a));
      await until('B healthy again', healthy(b));
      for (const server of [a, b]) {
        expect((await ask(server, `/b2b/${publicId}`)).status).toBe(200);
        expect((await ask(server, links, { headers: asMerchant(merchant) })).status).toBe(200);
      }
      // A payment made on B after the recovery reaches the page open on A (A listens again).
      const payment = JSON.parse(
        (
          await ask(
            b,
            `/b2b/${publicId}/payments`,
            json({ method: 'VA_BRI' }, { origin: b.baseUrl }),
          )
        ).body,
      ).data;
      expect(
        (
          await ask(
            b,
            '/sandbox/api/va-payments',
            json({ bank: 'BRI', va_number: payment.payment_method_value, amount: 20_000 }),
          )
        ).status,
      ).toBe(200);
      expect(JSON.parse((await stream.next(15_000))?.data ?? '')).toEqual({
        link_status: 'closed',
        payment: null,
      });
      await stream.close();

      const output = a.output() + b.output();
      // Every line is a log line but the demo merchant's first-start block (its own format).
      const lines = output
        .split('\n')
        .filter(
          (line) => line !== '' && !line.startsWith('  ') && !line.startsWith('Paylink first'),
        );
      for (const line of lines) {
        expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (debug|info|warn|error) \S/);
      }
      expect(lines.filter((line) => /^\S+ error /.test(line))).toEqual([]);
      expect(output).toContain('warn database unreachable: answering 503');
      expect(output).toContain('info change listener reconnected');
      expect(output).not.toContain(publicId);
    },
  );
});
