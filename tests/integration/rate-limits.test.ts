import { request } from 'node:http';
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

// SPEC §9 on the build: the limits key on the socket's own peer address (X-Forwarded-For is
// not believed without TRUST_PROXY), and a no-JS form post over the limit gets its page back.

let server: ServerProcess;
let removeDataDir: () => Promise<void>;
let merchant: RemoteMerchant;
let linkPath: string;

beforeAll(async () => {
  const data = await tempDataDir();
  removeDataDir = data.remove;
  // The defaults: an empty RATE_LIMITS is unset (the shared test setup turns limits off).
  server = await startServer({ dataDir: data.dir, env: { RATE_LIMITS: '' } });
  merchant = await createRemoteMerchant(server.baseUrl, {});
  const link = await call(
    server.baseUrl,
    'POST',
    `/api/v1.0/payment-link-manage/${merchant.accountId}`,
    {
      headers: asMerchant(merchant),
      body: { title: 'Kopi Susu', total_amount: 50_000, required_customer_detail: true },
      expected: 200,
    },
  );
  linkPath = `/b2b/${String(link.data.payment_url).split('/b2b/')[1]}`;
}, 120_000);

afterAll(async () => {
  await killAllServers();
  await removeDataDir?.();
});

/** A POST over a socket bound to `localAddress` (any 127.x.y.z is this machine). */
function postFrom(
  localAddress: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port: server.port, localAddress, method: 'POST', path, headers },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (text += chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

describe('the limits on the built server', () => {
  it('count per socket address, whatever X-Forwarded-For claims', async () => {
    const wrongGrant = (n: number, forwardedFor: string) => ({
      authorization: `Basic ${Buffer.from(`${merchant.clientId}:wrong`).toString('base64')}`,
      'x-partner-id': `guess-${n}`,
      'x-forwarded-for': forwardedFor,
      'content-type': 'application/json',
    });
    const grant = JSON.stringify({ grant_type: 'client_credentials' });
    const path = '/api/v1.0/access-token/b2b';
    for (let i = 1; i <= 30; i++) {
      const answer = await postFrom('127.0.0.2', path, wrongGrant(i, `192.0.2.${i}`), grant);
      expect(answer.status).toBe(401);
    }
    const refused = await postFrom('127.0.0.2', path, wrongGrant(31, '192.0.2.31'), grant);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(JSON.parse(refused.text).error.reason).toBe('TOO_MANY_REQUESTS');
    // Another machine (socket address) is another client.
    expect((await postFrom('127.0.0.3', path, wrongGrant(32, '192.0.2.31'), grant)).status).toBe(
      401,
    );
  });

  it('give a refused no-JS payment form its page again, with the fields kept', async () => {
    const form = new URLSearchParams({
      method: 'VA_BRI',
      customer_name: 'Budi Santoso',
      customer_email: 'budi@example.com',
      customer_phone: '081234567890',
    }).toString();
    // As a browser posts the page's form: from the page's own origin.
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'accept-language': 'en',
      origin: server.baseUrl,
    };
    for (let i = 1; i <= 10; i++) {
      const started = await postFrom('127.0.0.4', `${linkPath}/payments`, headers, form);
      expect(started.status).toBe(303);
    }
    const refused = await postFrom('127.0.0.4', `${linkPath}/payments`, headers, form);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    expect(refused.text).toMatch(/Too many attempts\. Please wait \d+ seconds, then try again\./);
    expect(refused.text).toContain('value="Budi Santoso"');
    expect(refused.text).toMatch(/id="method-VA_BRI" value="VA_BRI" checked/);
    // The same customer on another network still pays.
    expect((await postFrom('127.0.0.5', `${linkPath}/payments`, headers, form)).status).toBe(303);
  });
});
