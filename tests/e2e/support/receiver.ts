import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A callback the merchant's site was sent (SPEC §6). */
export type ReceivedCallback = { path: string; headers: IncomingHttpHeaders; body: string };

/**
 * A stand-in for the merchant's site: the page a customer is sent back to (SPEC §7), and the
 * address its callbacks are posted to (SPEC §6).
 */
export type Receiver = {
  origin: string;
  /** Every address a browser asked the receiver for, in order. */
  hits: URL[];
  /** Every callback posted to the receiver, in order. */
  callbacks: ReceivedCallback[];
  close: () => Promise<void>;
};

/**
 * Starts a tiny HTTP server on 127.0.0.1 that answers every GET with a small thank-you page
 * and takes every POST as a callback.
 */
export async function startReceiver(): Promise<Receiver> {
  const hits: URL[] = [];
  const callbacks: ReceivedCallback[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    if (request.method === 'POST') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        callbacks.push({ path: url.pathname, headers: request.headers, body });
        response.writeHead(204).end();
      });
      return;
    }
    hits.push(url);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      '<!doctype html><html lang="en"><link rel="icon" href="data:,"><title>Merchant</title><h1>Back at the shop</h1>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    hits,
    callbacks,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The body of a callback as the merchant reads it once its Standard Webhooks signature checks
 * out with the account's `whsec_` secret (the `standardwebhooks` library throws otherwise).
 */
export function verifiedCallbackBody(callback: ReceivedCallback, webhookSecret: string): unknown {
  const header = (name: string) => String(callback.headers[name] ?? '');
  return new Webhook(webhookSecret).verify(callback.body, {
    'webhook-id': header('webhook-id'),
    'webhook-timestamp': header('webhook-timestamp'),
    'webhook-signature': header('webhook-signature'),
  });
}
