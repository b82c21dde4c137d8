import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isV4Path, unreadablePaths } from '../support/hostile-paths.ts';
import { asMerchant, call, createRemoteMerchant } from '../support/remote-paylink.ts';
import {
  killAllServers,
  type ServerProcess,
  startServer,
  tempDataDir,
} from '../support/server-process.ts';

// SPEC §9 on the built server: Astro's router and our page code only run there. A path with
// control characters, NUL or invalid UTF-8 was a 500 (`/b2b/%FF`, `/b2b/%0a…%FF`) or an error
// logged by Astro (`Invalid URL encoding`); it is a 404 on every prefix, the 404 page for a
// page read and a JSON 404 for the rest, and the server logs nothing about it.

let server: ServerProcess;
let paths: string[];
let removeDir: () => Promise<void>;
let linkPath: string;

beforeAll(async () => {
  const dir = await tempDataDir();
  removeDir = dir.remove;
  server = await startServer({ dataDir: dir.dir, env: { LOG_LEVEL: 'info' } });
  const merchant = await createRemoteMerchant(server.baseUrl, {});
  const link = (
    await call(server.baseUrl, 'POST', `/api/v1.0/payment-link-manage/${merchant.accountId}`, {
      headers: asMerchant(merchant),
      body: { title: 'Kopi Susu', total_amount: 50_000 },
      expected: 200,
    })
  ).data;
  linkPath = new URL(link.payment_url).pathname;
  paths = unreadablePaths({ link: linkPath.slice('/b2b/'.length), account: merchant.accountId });
}, 60_000);

afterAll(async () => {
  await killAllServers();
  await removeDir();
});

/** The checkout's JSON endpoints and the API answer JSON; every other read is a page. */
const isPageRead = (method: string, path: string) =>
  method === 'GET' &&
  !path.startsWith('/api/') &&
  !/^\/b2b\/[^/]+\/(?:status|events|payments\/[^/]+\/qr\.png)$/.test(path);

describe('paths with control characters, NUL or invalid UTF-8 (built server)', () => {
  it.each(['GET', 'POST', 'HEAD'])('%s on every route prefix is a 404', async (method) => {
    const logBefore = server.output().length;
    for (const path of paths) {
      const response = await fetch(`${server.baseUrl}${path}`, { method });
      const where = `${method} ${path}`;
      expect(response.status, where).toBe(404);
      const type = response.headers.get('content-type') ?? '';
      if (method === 'HEAD') continue;
      if (isPageRead(method, path)) {
        expect(type, where).toMatch(/^text\/html/);
        expect(await response.text(), where).toContain('noindex');
      } else {
        expect(type, where).toMatch(/^application\/json/);
        const body = await response.json();
        expect(isV4Path(path) ? body.errors[0].code : body.error.reason, where).toBe('NOT_FOUND');
      }
    }
    // Nothing logged: neither "unhandled error" nor Astro's "Invalid URL encoding".
    expect(server.output().slice(logBefore)).not.toMatch(/error|ERROR/);
  });

  it('refuses raw bytes that are not UTF-8 (the HTTP parser answers 400), never a 5xx', async () => {
    const statusLine = await rawRequest(
      server.port,
      Buffer.from('GET /b2b/\xff HTTP/1.1\r\n', 'latin1'),
    );
    expect(statusLine).toMatch(/^HTTP\/1\.1 4\d\d /);
  });

  // Found by the no-5xx property test: Astro decodes the id, and `Ā` cannot be a header.
  it('sends GET …/payments back to the link page with the id encoded, whatever it is', async () => {
    for (const [id, location] of [
      ['%C4%80', '/b2b/%C4%80'],
      ['caf%C3%A9', '/b2b/caf%C3%A9'],
      [linkPath.slice('/b2b/'.length), linkPath],
    ]) {
      const response = await fetch(`${server.baseUrl}/b2b/${id}/payments`, { redirect: 'manual' });
      expect(response.status, id).toBe(303);
      expect(response.headers.get('location'), id).toBe(location);
    }
  });

  it('still serves the link page and its checkout endpoints', async () => {
    expect((await fetch(`${server.baseUrl}${linkPath}`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}${linkPath}/status`)).status).toBe(200);
  });
});

/** Sends a request line as these bytes (fetch would encode them) and answers the status line. */
function rawRequest(port: number, requestLine: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        Buffer.concat([requestLine, Buffer.from('Host: 127.0.0.1\r\nConnection: close\r\n\r\n')]),
      );
    });
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}
