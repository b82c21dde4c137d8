import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the merchant's endpoint received, and what it answered. */
export type ReceivedCallback = {
  method: string;
  /** Path and query, exactly as requested: what SingaPay's `ENDPOINT` signs. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
  /** When the request's body had arrived (epoch ms), before the answer was sent. */
  receivedAt: number;
};

/** A status to answer with, or a redirect (answered with a `Location` on this same server). */
export type Answer = number | { redirect: 301 | 302 | 303 | 307 | 308; to: string };

export type MerchantReceiver = {
  port: number;
  /** An absolute `http://127.0.0.1:<port>…` URL on this receiver. */
  url: (pathAndQuery?: string) => string;
  received: ReceivedCallback[];
  /** Answers these, one per request in order, then the default again. */
  answerNext: (...answers: Answer[]) => void;
  setDefault: (answer: Answer) => void;
  /**
   * Picks the answer from the request itself (say, 500 to one payment's `paid` only); when it
   * answers undefined, the queue and the default decide as usual. Null removes it.
   */
  answerWith: (
    choose: ((request: { url: string; body: string }) => Answer | undefined) | null,
  ) => void;
  /** Milliseconds to wait before answering (a slow merchant). */
  setDelay: (ms: number) => void;
  /** Stops listening and drops open connections: connections are refused until `listen`. */
  close: () => Promise<void>;
  /** Listens (again) on the same port. */
  listen: () => Promise<void>;
  /** Resolves once `count` requests matching `filter` were received; rejects after `timeoutMs`. */
  waitFor: (
    count: number,
    filter?: (request: ReceivedCallback) => boolean,
    timeoutMs?: number,
  ) => Promise<ReceivedCallback[]>;
};

/** Reserves a free local port: listens on port 0, notes the port, and lets it go. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function answer(response: ServerResponse, with_: Answer, port: number) {
  if (typeof with_ === 'number') {
    response.writeHead(with_, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: with_ < 300 ? 'success' : 'error' }));
    return;
  }
  response.writeHead(with_.redirect, { location: `http://127.0.0.1:${port}${with_.to}` });
  response.end();
}

/**
 * A merchant's callback endpoint: a real `node:http` server on 127.0.0.1 that records every
 * request and answers what the test says. With `port`, it uses that port and starts closed
 * (a merchant that is down); else it listens at once on a random port.
 */
export async function startMerchantReceiver(
  options: { port?: number } = {},
): Promise<MerchantReceiver> {
  const received: ReceivedCallback[] = [];
  const queue: Answer[] = [];
  let fallback: Answer = 200;
  let chooser: ((request: { url: string; body: string }) => Answer | undefined) | null = null;
  let delayMs = 0;
  let port = options.port ?? 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '';
      const body = Buffer.concat(chunks).toString('utf8');
      const reply = chooser?.({ url, body }) ?? queue.shift() ?? fallback;
      received.push({
        method: request.method ?? '',
        url,
        headers: request.headers,
        body,
        answered: typeof reply === 'number' ? reply : reply.redirect,
        receivedAt: Date.now(),
      });
      setTimeout(() => answer(response, reply, port), delayMs);
    });
  });
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  if (options.port === undefined) await listen();

  const waitFor: MerchantReceiver['waitFor'] = async (
    count,
    filter = () => true,
    timeoutMs = 10_000,
  ) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = received.filter(filter);
      if (matching.length >= count) return matching;
      if (Date.now() > deadline) {
        throw new Error(
          `expected ${count} callbacks within ${timeoutMs} ms, got ${matching.length}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  return {
    get port() {
      return port;
    },
    url: (pathAndQuery = '/hooks/paylink') => `http://127.0.0.1:${port}${pathAndQuery}`,
    received,
    answerNext: (...answers) => queue.push(...answers),
    setDefault: (answer_) => {
      fallback = answer_;
    },
    answerWith: (choose) => {
      chooser = choose;
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    close,
    listen,
    waitFor,
  };
}

/** The JSON body of a received callback. */
export function bodyOf(request: ReceivedCallback): any {
  return JSON.parse(request.body);
}
