import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawClient } from '../support/raw-http-client.ts';
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

// docs/decisions/016: a client that trickles its request is cut within 30 s, while a slow
// but real client, a keep-alive connection and a live event stream are not. Runs the build
// with its default timeouts; the cases run side by side, so the file takes about 36 s.

const CUT_WITHIN_MS = 30_000;
const SLOW = { timeout: 45_000 };

let server: ServerProcess;
let merchant: RemoteMerchant;
let removeData: () => Promise<void>;

beforeAll(async () => {
  const data = await tempDataDir();
  removeData = data.remove;
  server = await startServer({ dataDir: data.dir });
  merchant = await createRemoteMerchant(server.baseUrl, {});
});
afterAll(async () => {
  await killAllServers();
  await removeData();
});

const TOKEN_POST = 'POST /api/v1.0/access-token/b2b HTTP/1.1\r\nHost: 127.0.0.1\r\n';

describe.concurrent('server timeouts (built server, default settings)', () => {
  it('cuts a client that connects and sends nothing', SLOW, async () => {
    const client = await openRawClient(server.port);
    expect(await client.closedWithin(CUT_WITHIN_MS + 5_000)).toBeLessThan(CUT_WITHIN_MS);
  });

  it('cuts a client that trickles its headers, one byte every 2 s', SLOW, async () => {
    const client = await openRawClient(server.port);
    void client.trickle(
      `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: ${'a'.repeat(60)}`,
      2000,
    );
    expect(await client.closedWithin(CUT_WITHIN_MS + 5_000)).toBeLessThan(CUT_WITHIN_MS);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts a client that sends whole headers, then trickles a 10,000-byte body', SLOW, async () => {
    const client = await openRawClient(server.port);
    client.socket.write(
      `${TOKEN_POST}Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n`,
    );
    void client.trickle(`{"grant_type":"${'x'.repeat(9_980)}"}`, 2000);
    expect(await client.closedWithin(CUT_WITHIN_MS + 5_000)).toBeLessThan(CUT_WITHIN_MS);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers a slow but steady client: a body sent over 5 s', SLOW, async () => {
    const client = await openRawClient(server.port);
    const body = JSON.stringify({ grant_type: 'client_credentials' });
    client.socket.write(
      `${TOKEN_POST}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    await client.trickle(body, Math.ceil(5000 / body.length));
    await client.waitForAnswers(1, 5000);
    // No credentials: the API's own answer, not a timeout.
    expect(client.received()).toMatch(/^HTTP\/1\.1 401 /);
    client.socket.destroy();
  });

  it('keeps a keep-alive connection across idle gaps, for more than 30 s', SLOW, async () => {
    const client = await openRawClient(server.port);
    const get = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    for (const [index, idleMs] of [0, 17_000, 17_000].entries()) {
      await new Promise((resolve) => setTimeout(resolve, idleMs));
      client.socket.write(get);
      await client.waitForAnswers(index + 1, 5000);
    }
    expect(client.closedAfterMs()).toBeNull();
    expect(client.received().match(/HTTP\/1\.1 200 /g)).toHaveLength(3);
    client.socket.destroy();
  });

  it(
    'keeps an event stream open past 30 s, with heartbeats, and still delivers',
    SLOW,
    async () => {
      const { data: link } = await call(
        server.baseUrl,
        'POST',
        `/api/v1.0/payment-link-manage/${merchant.accountId}`,
        {
          headers: asMerchant(merchant),
          body: { title: 'Kopi', total_amount: 20_000 },
          expected: 200,
        },
      );
      const publicId = String(link.payment_url).split('/b2b/')[1];
      const client = await openRawClient(server.port);
      client.socket.write(`GET /b2b/${publicId}/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      await new Promise((resolve) => setTimeout(resolve, 33_000));
      expect(client.closedAfterMs()).toBeNull();
      expect(client.received()).toContain('event: status');
      expect(client.received()).toContain(': keep-alive');

      // The stream still works: closing the link reaches it, and ends it.
      await call(
        server.baseUrl,
        'PATCH',
        `/api/v1.0/payment-link-manage/${merchant.accountId}/${link.id}`,
        { headers: asMerchant(merchant), body: { status: 'closed' }, expected: 200 },
      );
      const deadline = performance.now() + 5000;
      while (
        !client.received().includes('"link_status":"closed"') &&
        performance.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(client.received()).toContain('"link_status":"closed"');
      client.socket.destroy();
    },
  );
});
