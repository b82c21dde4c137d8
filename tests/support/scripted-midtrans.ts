import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake Midtrans received it. */
export type ReceivedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or null when the request had no body. */
  body: unknown;
};

/** One scripted answer: JSON `body` (or `raw` text), after `delayMs` when given. */
export type ScriptedReply = { status?: number; body?: unknown; raw?: string; delayMs?: number };

export type ScriptedMidtrans = {
  baseUrl: string;
  received: ReceivedRequest[];
  /** Queues answers for `"POST /v2/charge"`-style routes; the last one repeats. */
  script: (route: string, ...replies: ScriptedReply[]) => void;
  close: () => Promise<void>;
};

/**
 * A local HTTP server standing in for Midtrans Core API in connector tests: it records every
 * request and answers what the test scripted, so a test states the exact exchange. Routes
 * with nothing scripted answer 500, which the connector takes as the gateway being down.
 */
export async function startScriptedMidtrans(): Promise<ScriptedMidtrans> {
  const received: ReceivedRequest[] = [];
  const scripts = new Map<string, ScriptedReply[]>();
  const delayed = new Set<NodeJS.Timeout>();

  const nextReply = (route: string): ScriptedReply => {
    const queue = scripts.get(route) ?? [];
    return (queue.length > 1 ? queue.shift() : queue[0]) ?? { status: 500, raw: 'not scripted' };
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '';
      received.push({
        method: req.method ?? '',
        path,
        headers: req.headers,
        body: text === '' ? null : JSON.parse(text),
      });
      const reply = nextReply(`${req.method} ${path}`);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
        res.end(reply.raw ?? JSON.stringify(reply.body));
      };
      if (!reply.delayMs) return send();
      const timer = setTimeout(() => {
        delayed.delete(timer);
        send();
      }, reply.delayMs);
      delayed.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    script: (route, ...replies) => scripts.set(route, replies),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of delayed) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
