import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startMerchantReceiver } from '../support/merchant-receiver.ts';
import {
  asMerchant,
  call,
  createRemoteMerchant,
  waitForDelivered,
} from '../support/remote-paylink.ts';
import { killAllServers, startServer, tempDataDir } from '../support/server-process.ts';

// SPEC §9 "Logs": one line per event, LOG_FORMAT=json one object per line, no secrets, hashes
// or public ids, and a client that disconnects is not an error. The real build, at debug level,
// through a whole journey: every line it writes is read back.

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  await killAllServers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Sends `head` (and a part of a promised body), then hangs up after `afterMs`. */
function hangUp(port: number, head: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, afterMs);
    });
    socket.on('error', () => resolve());
    socket.on('data', () => {});
  });
}

type Line = { time: string; level: string; msg: string; [field: string]: unknown };

describe('the log of a whole journey (LOG_FORMAT=json, LOG_LEVEL=debug)', () => {
  it(
    'is one JSON object per line, with no secret, hash or public id, and aborts at debug',
    {
      timeout: 90_000,
    },
    async () => {
      const dir = await tempDataDir();
      cleanups.push(dir.remove);
      const receiver = await startMerchantReceiver();
      cleanups.push(receiver.close);
      const server = await startServer({
        dataDir: dir.dir,
        env: { LOG_FORMAT: 'json', LOG_LEVEL: 'debug', CALLBACK_ALLOW_PRIVATE: 'true' },
        readyTimeoutMs: 90_000,
      });
      const merchant = await createRemoteMerchant(server.baseUrl, {
        callback_url: receiver.url('/paylink'),
        email: 'owner@toko-rahasia.example',
      });
      const link = (
        await call(server.baseUrl, 'POST', `/api/v1.0/payment-link-manage/${merchant.accountId}`, {
          headers: asMerchant(merchant),
          body: { title: 'Kaos Polos', total_amount: 20_000 },
          expected: 200,
        })
      ).data;
      const publicId = String(link.payment_url).split('/b2b/')[1] ?? '';
      const page = await fetch(`${server.baseUrl}/b2b/${publicId}`);
      expect(page.status).toBe(200);
      const payment = (
        await call(server.baseUrl, 'POST', `/b2b/${publicId}/payments`, {
          body: {
            method: 'VA_BRI',
            customer: { name: 'Siti', email: 'siti@pelanggan.example', phone: '081234567890' },
          },
          expected: 201,
        })
      ).data;
      await call(server.baseUrl, 'POST', '/sandbox/api/va-payments', {
        body: { bank: 'BRI', va_number: payment.payment_method_value, amount: 20_000 },
        expected: 200,
      });
      await receiver.waitFor(1, () => true, 20_000);
      await waitForDelivered(server.baseUrl, merchant, 1);
      // Crafted paths: nothing in them may become a line of its own.
      for (const path of [
        `/b2b/%0a${new Date().toISOString()}%20info%20account%2001ABC%20created`,
        `/b2b/${publicId}%0d%0a${new Date().toISOString()}%20error%20forged`,
        '/b2b/%E2%80%AEdetrevni',
        `/api/v1.0/payment-link-manage/${merchant.accountId}/%0a%20forged`,
      ]) {
        await (await fetch(`${server.baseUrl}${path}`)).arrayBuffer();
      }
      // Clients that hang up mid-body: 3,031 error lines with stacks, once.
      const partial = (path: string) =>
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Origin: ${server.baseUrl}\r\nContent-Length: 200\r\n\r\n{"method": "VA_`;
      for (let i = 0; i < 10; i++) {
        await hangUp(server.port, partial(`/b2b/${publicId}/payments`), 20);
        await hangUp(server.port, partial('/api/v1.0/access-token/b2b'), 20);
        await hangUp(server.port, `GET /b2b/${publicId}/events HTTP/1.1\r\nHost: x\r\n\r\n`, 30);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      await server.kill('SIGTERM');

      const output = server.output();
      const raw = output.split('\n').filter((line) => line !== '');
      const lines = raw.map((line) => JSON.parse(line) as Line);
      for (const line of lines) {
        expect(Object.keys(line).slice(0, 3)).toEqual(['time', 'level', 'msg']);
      }
      // The demo merchant's first-start line is the only one that may show a secret.
      const rest = lines.filter((line) => !('client_secret' in line));
      const text = rest.map((line) => JSON.stringify(line)).join('\n');
      for (const secret of [
        publicId,
        publicId.slice(-32),
        payment.reff_no,
        merchant.apiKey,
        merchant.clientSecret,
        merchant.webhookSecret,
        merchant.token,
        'owner@toko-rahasia.example',
        'siti@pelanggan.example',
        'params:',
      ]) {
        expect(text).not.toContain(secret);
      }
      expect(rest.filter((line) => line.level === 'error' || line.level === 'warn')).toEqual(
        lines.filter((line) => line.msg.startsWith('started without the V8 flags')),
      );
      expect(rest.filter((line) => /client went away/.test(line.msg)).length).toBeGreaterThan(0);
      expect(rest.some((line) => line.msg === 'payment started' && line.link_id === link.id)).toBe(
        true,
      );
      expect(rest.some((line) => line.msg === 'delivery attempt: delivered')).toBe(true);
    },
  );
});
