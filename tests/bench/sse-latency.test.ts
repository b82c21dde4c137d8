import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { measureIdleCpu } from './idle-cpu.mjs';
import { measurePaymentLatency } from './sse-latency.mjs';

/** A stand-in for Paylink's checkout: payments, their event stream, and a sandbox bank. */
async function startFakeCheckout({
  hasEvents,
  payDelayMs,
}: {
  hasEvents: boolean;
  payDelayMs: number;
}) {
  const watchers = new Map<string, ServerResponse[]>();
  let next = 0;
  const send = (res: ServerResponse, reff: string | null, status: string) =>
    res.write(
      `id: ${Date.now()}\nevent: status\ndata: ${JSON.stringify({ link_status: 'open', payment: reff ? { reff_no: reff, status } : null })}\n\n`,
    );
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.method === 'POST' && url.pathname.endsWith('/payments')) {
        const reff = `PAY${++next}`;
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            data: { reff_no: reff, payment_method_value: reff, amount: '50000.00' },
          }),
        );
      } else if (url.pathname.endsWith('/events') && hasEvents) {
        const reff = url.searchParams.get('payment');
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(': connected\n\n');
        send(res, reff, 'pending');
        if (reff) watchers.set(reff, [...(watchers.get(reff) ?? []), res]);
      } else if (url.pathname === '/sandbox/api/va-payments') {
        const { va_number: reff, amount } = JSON.parse(body);
        expect(amount).toBe(50000);
        setTimeout(() => {
          for (const watcher of watchers.get(reff) ?? []) send(watcher, reff, 'paid');
        }, payDelayMs);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

let fake: Awaited<ReturnType<typeof startFakeCheckout>> | undefined;
afterEach(() => fake?.close());

describe('payment → page latency', () => {
  it('times from the bank payment to the "paid" event, for each payment', async () => {
    fake = await startFakeCheckout({ hasEvents: true, payDelayMs: 60 });
    const result: any = await measurePaymentLatency({
      watchBase: fake.base,
      payBase: fake.base,
      publicId: 'PL1',
      count: 4,
      budgetMs: 10_000,
    });
    expect(result).toMatchObject({ available: true, payments: 4, missed: 0 });
    expect(result.samples).toHaveLength(4);
    for (const sample of result.samples) expect(sample).toBeGreaterThanOrEqual(55);
    expect(result.p95).toBeLessThan(2000);
  });

  it('says n/a when the server has no event stream', async () => {
    fake = await startFakeCheckout({ hasEvents: false, payDelayMs: 0 });
    const result = await measurePaymentLatency({
      watchBase: fake.base,
      payBase: fake.base,
      publicId: 'PL1',
      count: 2,
      budgetMs: 10_000,
    });
    expect(result).toEqual({ available: false, reason: 'no /events endpoint' });
  });
});

describe('idle cost of open pages', () => {
  it('holds every stream open until measured, and reads CPU of the serving process', async () => {
    fake = await startFakeCheckout({ hasEvents: true, payDelayMs: 0 });
    const result: any = await measureIdleCpu({
      base: fake.base,
      pid: process.pid,
      publicId: 'PL1',
      connections: 150,
      seconds: 0.5,
      budgetMs: 10_000,
    });
    expect(result).toMatchObject({ available: true, open: 150, ready: 150 });
    expect(result.cpuPercent).toBeGreaterThanOrEqual(0);
  });
});
