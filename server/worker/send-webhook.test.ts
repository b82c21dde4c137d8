import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postWebhook } from './send-webhook.ts';

// SPEC §6 "Destinations", at connect time, and what the delivery log may say of an attempt.
// The receivers are raw TCP servers on 127.0.0.1 that count connections: a refused
// destination must not even be connected to (a connection is what a port scan measures).

type Receiver = { url: (host?: string) => string; connections: () => number };

const servers: Server[] = [];
const openSockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of openSockets) socket.destroy();
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

/** A TCP server on 127.0.0.1 doing `onSocket` with each connection. */
async function startReceiver(onSocket: (socket: Socket) => void): Promise<Receiver> {
  let count = 0;
  const server = createServer((socket) => {
    count += 1;
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: (host = '127.0.0.1') => `http://${host}:${port}/hooks/paylink`,
    connections: () => count,
  };
}

/** Answers every request with this raw HTTP response once the request has arrived. */
const answering = (response: string) => (socket: Socket) =>
  socket.once('data', () => socket.end(response));

const OK = 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok';
const HEADERS = { 'content-type': 'application/json' };
const post = (url: string, allowPrivate: boolean, timeoutMs?: number) =>
  postWebhook(url, '{"status":200}', HEADERS, {
    allowPrivate,
    ...(timeoutMs ? { timeoutMs } : {}),
  });

describe('postWebhook: destinations (CALLBACK_ALLOW_PRIVATE=false)', () => {
  it('refuses a literal private address without connecting, and gives up at once', async () => {
    const receiver = await startReceiver(answering(OK));
    expect(await post(receiver.url('127.0.0.1'), false)).toEqual({
      ok: false,
      statusCode: null,
      error: 'destination_not_allowed',
      isFinal: true,
    });
    expect(receiver.connections()).toBe(0);
  });

  it.each(['[::ffff:127.0.0.1]', '2130706433', '127.1'])(
    'refuses 127.0.0.1 written as %s',
    async (host) => {
      const receiver = await startReceiver(answering(OK));
      expect(await post(receiver.url(host), false)).toMatchObject({
        error: 'destination_not_allowed',
      });
      expect(receiver.connections()).toBe(0);
    },
  );

  it('refuses a name by the address it resolves to when connecting (DNS rebinding)', async () => {
    // `localhost` passes no literal check: only the lookup of the connection sees 127.0.0.1.
    const receiver = await startReceiver(answering(OK));
    expect(await post(receiver.url('localhost'), false)).toEqual({
      ok: false,
      statusCode: null,
      error: 'destination_not_allowed',
      isFinal: true,
    });
    expect(receiver.connections()).toBe(0);
  });

  it('with CALLBACK_ALLOW_PRIVATE=true, connects and delivers to the same receiver', async () => {
    const receiver = await startReceiver(answering(OK));
    expect(await post(receiver.url('127.0.0.1'), true)).toEqual({ ok: true, statusCode: 200 });
    expect(await post(receiver.url('localhost'), true)).toEqual({ ok: true, statusCode: 200 });
    expect(receiver.connections()).toBe(2);
  });
});

describe('postWebhook: what a failed attempt is recorded as', () => {
  it('a status that is not 2xx: `HTTP <status>`, retried', async () => {
    const receiver = await startReceiver(
      answering('HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\n\r\n'),
    );
    expect(await post(receiver.url(), true)).toEqual({
      ok: false,
      statusCode: 500,
      error: 'HTTP 500',
    });
  });

  it('a redirect: its status, and it is not followed', async () => {
    const target = await startReceiver(answering(OK));
    const receiver = await startReceiver(
      answering(`HTTP/1.1 302 Found\r\nlocation: ${target.url()}\r\ncontent-length: 0\r\n\r\n`),
    );
    expect(await post(receiver.url(), true)).toMatchObject({ statusCode: 302, error: 'HTTP 302' });
    expect(target.connections()).toBe(0);
  });

  it('a refused connection and a reset connection read the same: connection_failed', async () => {
    const closed = await startReceiver(() => undefined);
    const closedUrl = closed.url();
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const reset = await startReceiver((socket) =>
      socket.once('data', () => socket.resetAndDestroy()),
    );
    const hangUp = await startReceiver((socket) => socket.once('data', () => socket.end()));
    for (const url of [closedUrl, reset.url(), hangUp.url()]) {
      expect(await post(url, true)).toEqual({
        ok: false,
        statusCode: null,
        error: 'connection_failed',
      });
    }
    expect(reset.connections()).toBe(1);
  });

  it('a receiver that does not answer in time: timeout, retried', async () => {
    const silent = await startReceiver(() => undefined);
    expect(await post(silent.url(), true, 300)).toEqual({
      ok: false,
      statusCode: null,
      error: 'timeout',
    });
  });

  it('a name that does not resolve: connection_failed, retried (it may resolve later)', async () => {
    expect(await post('https://merchant.invalid/hooks', false)).toEqual({
      ok: false,
      statusCode: null,
      error: 'connection_failed',
    });
  });
});
