import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashSource } from '../../server/http/content-security-policy.ts';
import { readEvents } from '../support/event-stream.ts';
import {
  asMerchant,
  call,
  createRemoteMerchant,
  type RemoteMerchant,
} from '../support/remote-paylink.ts';
import { createScratchDatabase } from '../support/scratch-database.ts';
import {
  killAllServers,
  type ServerProcess,
  startServer,
  tempDataDir,
} from '../support/server-process.ts';

// docs/decisions/009: pages are rendered once per link state and served from the page cache.
// Whatever changes the link — a payment, a close, PUT/PATCH, time passing its expiry — the
// very next page read shows it, on one process, and within the SSE latency on another
// process sharing PostgreSQL. Runs the build, as a customer's browser would see it.

const PAGE_HEADERS = { 'accept-language': 'en', 'accept-encoding': 'br, gzip' };
const cleanups: Array<() => Promise<void>> = [];

async function page(server: ServerProcess, path: string) {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: PAGE_HEADERS });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    html: await response.text(),
  };
}

async function createLink(server: ServerProcess, merchant: RemoteMerchant, body: object) {
  const link = (
    await call(server.baseUrl, 'POST', `/api/v1.0/payment-link-manage/${merchant.accountId}`, {
      headers: asMerchant(merchant),
      body: { title: 'Kopi Susu', total_amount: 50_000, ...body },
      expected: 200,
    })
  ).data;
  return { id: link.id as number, path: `/b2b/${String(link.payment_url).split('/b2b/')[1]}` };
}

async function startVa(server: ServerProcess, path: string) {
  return (
    await call(server.baseUrl, 'POST', `${path}/payments`, {
      body: {
        method: 'VA_BRI',
        customer: { name: 'Budi', email: 'budi@example.com', phone: '081234567890' },
      },
      expected: 201,
    })
  ).data as { reff_no: string; payment_method_value: string };
}

async function payVa(server: ServerProcess, vaNumber: string) {
  await call(server.baseUrl, 'POST', '/sandbox/api/va-payments', {
    body: { bank: 'BRI', va_number: vaNumber, amount: 50_000 },
    expected: 200,
  });
}

afterAll(async () => {
  await killAllServers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('one process: a write is seen by the very next page read', () => {
  let server: ServerProcess;
  let merchant: RemoteMerchant;
  beforeAll(async () => {
    const dir = await tempDataDir();
    cleanups.push(dir.remove);
    server = await startServer({ dataDir: dir.dir, readyTimeoutMs: 90_000 });
    merchant = await createRemoteMerchant(server.baseUrl, {});
  }, 120_000);

  it('serves the same bytes again with a strong ETag, and 304 to a browser that has them', async () => {
    const link = await createLink(server, merchant, {});
    const first = await page(server, link.path);
    const again = await page(server, link.path);
    expect(again.etag).toMatch(/^"[^"]+"$/);
    expect(again).toEqual(first);
    const revalidated = await fetch(`${server.baseUrl}${link.path}`, {
      headers: { ...PAGE_HEADERS, 'if-none-match': again.etag ?? '' },
    });
    expect(revalidated.status).toBe(304);
  });

  it('a kept page goes out with every header the rendered one had', async () => {
    const link = await createLink(server, merchant, {});
    const headersOf = async () => {
      const response = await fetch(`${server.baseUrl}${link.path}`, { headers: PAGE_HEADERS });
      await response.arrayBuffer();
      const headers = Object.fromEntries(response.headers);
      delete headers.date;
      return headers;
    };
    const rendered = await headersOf();
    expect(await headersOf()).toEqual(rendered);
    expect(rendered).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-cache',
      'content-encoding': 'br',
    });
  });

  it('a payment: the payment page and the link page show it at once', async () => {
    const link = await createLink(server, merchant, { max_usage: 1 });
    const payment = await startVa(server, link.path);
    const paymentPath = `${link.path}/payments/${payment.reff_no}`;
    expect((await page(server, paymentPath)).html).not.toContain('Payment successful');
    expect((await page(server, link.path)).html).toContain('Choose a payment method');
    await payVa(server, payment.payment_method_value);
    expect((await page(server, paymentPath)).html).toContain('Payment successful');
    expect((await page(server, link.path)).html).toContain('Payment successful');
  });

  it('a close by PUT and a reopen by PATCH', async () => {
    const link = await createLink(server, merchant, { max_usage: 5 });
    const api = `/api/v1.0/payment-link-manage/${merchant.accountId}/${link.id}`;
    expect((await page(server, link.path)).html).toContain('Choose a payment method');
    await call(server.baseUrl, 'PUT', api, {
      headers: asMerchant(merchant),
      body: { status: 'closed' },
      expected: 200,
    });
    expect((await page(server, link.path)).html).toContain('This link no longer accepts payments');
    await call(server.baseUrl, 'PATCH', api, {
      headers: asMerchant(merchant),
      body: { status: 'open', whitelisted_payment_method: ['VA_BCA'] },
      expected: 200,
    });
    const reopened = (await page(server, link.path)).html;
    expect(reopened).toContain('Choose a payment method');
    expect(reopened).toContain('value="VA_BCA"');
    expect(reopened).not.toContain('value="VA_BRI"');
  });

  it('an expiry by time, with no write at all', { timeout: 30_000 }, async () => {
    const expiresAt = Date.now() + 3_000;
    const link = await createLink(server, merchant, { expired_at: expiresAt });
    expect((await page(server, link.path)).html).toContain('Choose a payment method');
    expect((await page(server, link.path)).html).toContain('Choose a payment method');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 10));
    expect((await page(server, link.path)).html).toContain('This payment link has expired');
  });

  it('one Content-Security-Policy per build allows every inline block the pages carry, and nothing else inline', async () => {
    const link = await createLink(server, merchant, {
      max_usage: 2,
      required_customer_detail: true,
    });
    const payment = await startVa(server, link.path);
    const policies = new Set<string>();
    for (const path of [
      link.path,
      `${link.path}/payments/${payment.reff_no}`,
      '/sandbox',
      '/b2b/unknown',
    ]) {
      const response = await fetch(`${server.baseUrl}${path}`, { headers: PAGE_HEADERS });
      const policy = response.headers.get('content-security-policy') ?? '';
      policies.add(policy);
      const html = await response.text();
      const sources = (name: string) =>
        policy
          .split('; ')
          .find((d) => d.startsWith(`${name} `))
          ?.split(' ')
          .slice(1) ?? [];
      for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g))
        expect(sources('style-src')).toContain(hashSource(body ?? ''));
      for (const [, body] of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g))
        expect(sources('script-src')).toContain(hashSource(body ?? ''));
      expect(policy).not.toContain('unsafe-inline');
    }
    expect(policies.size).toBe(1);
  });

  it('the event stream of a real server tells of the payment', async () => {
    const link = await createLink(server, merchant, { max_usage: 1 });
    const payment = await startVa(server, link.path);
    const response = await fetch(`${server.baseUrl}${link.path}/events?payment=${payment.reff_no}`);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = readEvents(response.body as ReadableStream<Uint8Array>);
    expect(JSON.parse((await events.next())?.data ?? '').payment.status).toBe('pending');
    await payVa(server, payment.payment_method_value);
    expect(JSON.parse((await events.next())?.data ?? '')).toEqual({
      link_status: 'closed',
      payment: { reff_no: payment.reff_no, status: 'paid' },
    });
    expect(await events.next()).toBeNull();
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('two processes sharing PostgreSQL', () => {
  afterEach(async () => {
    await killAllServers();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it(
    'a payment through one process reaches the other’s page and event stream within 1 s',
    { timeout: 90_000 },
    async () => {
      const database = await createScratchDatabase();
      cleanups.push(database.drop);
      const env = { DATABASE_URL: database.url, SECRET_KEY: randomBytes(32).toString('hex') };
      const dirs = await Promise.all([tempDataDir(), tempDataDir()]);
      for (const dir of dirs) cleanups.push(dir.remove);
      const [a, b] = await Promise.all(dirs.map((dir) => startServer({ dataDir: dir.dir, env })));
      if (!a || !b) throw new Error('servers did not start');
      const merchant = await createRemoteMerchant(a.baseUrl, {});
      const link = await createLink(a, merchant, { max_usage: 1 });
      const payment = await startVa(a, link.path);
      const paymentPath = `${link.path}/payments/${payment.reff_no}`;
      // Process B renders and keeps both pages, and watches the payment.
      expect((await page(b, link.path)).html).toContain('Choose a payment method');
      expect((await page(b, paymentPath)).html).not.toContain('Payment successful');
      const stream = await fetch(`${b.baseUrl}${link.path}/events?payment=${payment.reff_no}`);
      const events = readEvents(stream.body as ReadableStream<Uint8Array>);
      await events.next();

      const paidAt = performance.now();
      await payVa(a, payment.payment_method_value);
      const event = await events.next(1000);
      const eventMs = performance.now() - paidAt;
      expect(JSON.parse(event?.data ?? '').payment.status).toBe('paid');
      expect(eventMs).toBeLessThan(1000);
      // By the time the event is out, B's pages are no longer the cached ones.
      expect((await page(b, paymentPath)).html).toContain('Payment successful');
      expect((await page(b, link.path)).html).toContain('Payment successful');
      await events.close();
    },
  );
});
