import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asMerchant,
  call,
  createRemoteMerchant,
  type RemoteMerchant,
} from '../support/remote-paylink.ts';
import {
  killAllServers,
  type ServerProcess,
  startServer,
  tempDataDir,
} from '../support/server-process.ts';

// docs/decisions/009 and 023: link pages are shared by everyone from the page cache, but a
// browser with a pending payment or a refused form gets a page of its own — never served to
// another browser, and never a shared page served to it. Runs the build, with its page cache.

const HEADERS = { 'accept-language': 'id', 'accept-encoding': 'br, gzip' };
const cleanups: Array<() => Promise<void>> = [];
let server: ServerProcess;
let merchant: RemoteMerchant;

beforeAll(async () => {
  const dir = await tempDataDir();
  cleanups.push(dir.remove);
  server = await startServer({ dataDir: dir.dir, readyTimeoutMs: 90_000 });
  merchant = await createRemoteMerchant(server.baseUrl, {});
}, 120_000);

afterAll(async () => {
  await killAllServers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function newLinkPath(body: object = {}): Promise<string> {
  const { data } = await call(
    server.baseUrl,
    'POST',
    `/api/v1.0/payment-link-manage/${merchant.accountId}`,
    {
      headers: asMerchant(merchant),
      body: { title: 'Kopi Susu', total_amount: 50_000, ...body },
      expected: 200,
    },
  );
  return new URL(data.payment_url).pathname;
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    headers: { ...HEADERS, ...headers },
    redirect: 'manual',
  });
  return { response, html: await response.text() };
}

async function postForm(path: string, fields: Record<string, string>) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      ...HEADERS,
      origin: server.baseUrl,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return response;
}

const cookieNamed = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith(`${name}=`))
    ?.split(';')[0] ?? '';

describe('a link page with this browser’s pending payment', () => {
  it('is never the shared page, and the shared page never shows the payment', async () => {
    const path = await newLinkPath();
    // Everyone's page, twice: the second from the page cache (same strong ETag).
    const shared = await get(path);
    const again = await get(path);
    expect(shared.response.status).toBe(200);
    expect(again.response.headers.get('etag')).toBe(shared.response.headers.get('etag'));

    const started = await postForm(`${path}/payments`, { method: 'VA_BRI' });
    expect(started.status).toBe(303);
    const viewPath = started.headers.get('location') ?? '';
    const view = await get(viewPath);
    // The number is drawn in groups (one element each): its digits, joined.
    const shown = /id="va-number"[^>]*>([\s\S]*?)<\/p>/.exec(view.html)?.[1] ?? '';
    const vaNumber = shown.replace(/<[^>]*>|\s/g, '');
    expect(vaNumber).toMatch(/^\d{10,}$/);

    // The customer's browser, even offering the shared page's ETag: its payment, not a 304.
    const mine = await get(path, {
      cookie: cookieNamed(started, 'pl_pending'),
      'if-none-match': shared.response.headers.get('etag') ?? '',
    });
    expect(mine.response.status).toBe(303);
    expect(mine.response.headers.get('location')).toBe(viewPath);
    expect(mine.response.headers.get('cache-control')).toBe('no-store');

    // Everyone else: the shared page, which never names the payment.
    const other = await get(path);
    expect(other.response.status).toBe(200);
    expect(other.response.headers.get('location')).toBeNull();
    expect(other.html).not.toContain(vaNumber);
    expect(other.html).not.toContain(viewPath);

    // With the shared page back in the cache (the payment's start had cleared it), still hers.
    const cached = await get(path);
    expect(cached.response.headers.get('etag')).toBe(other.response.headers.get('etag'));
    const stillMine = await get(path, { cookie: cookieNamed(started, 'pl_pending') });
    expect(stillMine.response.status).toBe(303);
  });
});

describe('a refused form post', () => {
  it('sends the browser to a page of its own with the errors; others get the clean page', async () => {
    const path = await newLinkPath({ required_customer_detail: true });
    await get(path);
    const refused = await postForm(`${path}/payments`, {
      customer_name: 'Budi Santoso',
      customer_email: 'budi@example.com',
      customer_phone: '',
    });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('refresh')).toBe(`0; url=${path}#errors`);

    const mine = await get(path, { cookie: cookieNamed(refused, 'pl_form') });
    expect(mine.response.status).toBe(200);
    expect(mine.response.headers.get('cache-control')).toBe('private, no-cache');
    expect(mine.html).toContain('id="errors"');
    expect(mine.html).toContain('value="Budi Santoso"');
    expect(mine.html).toContain('value="budi@example.com"');

    const other = await get(path);
    expect(other.html).not.toContain('id="errors"');
    expect(other.html).not.toContain('Budi Santoso');
  });
});
