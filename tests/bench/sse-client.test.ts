import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventParser, openEventStream } from './sse-client.mjs';

describe('event-stream parser', () => {
  const stream =
    ': heartbeat\r\n' +
    'retry: 3000\r\n' +
    'id: 1\r\nevent: status\r\ndata: {"link_status":"open"}\r\n\r\n' +
    ':\n' +
    'id: 2\nevent: status\ndata: {"a":\ndata: 1}\n\n' +
    'data:no space\r\r' +
    'event: ignored-without-data\n\n';

  it('reads the same events however the bytes are cut into chunks', () => {
    for (let size = 1; size <= stream.length; size++) {
      const events: unknown[] = [];
      const feed = createEventParser((event: any) => events.push({ ...event, at: 0 }));
      for (let i = 0; i < stream.length; i += size) feed(stream.slice(i, i + size));
      expect(events, `chunks of ${size}`).toEqual([
        { type: 'status', data: '{"link_status":"open"}', id: '1', at: 0 },
        { type: 'status', data: '{"a":\n1}', id: '2', at: 0 },
        { type: 'message', data: 'no space', id: '2', at: 0 },
      ]);
    }
  });
});

describe('event-stream client against a fake server', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (!req.url?.startsWith('/events')) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': hello\n\nevent: status\ndata: {"payment":{"status":"pending"}}\n\n');
      // A later change, written in two pieces as a proxy might deliver it.
      setTimeout(() => res.write('event: status\ndata: {"payment":'), 50);
      setTimeout(() => res.write('{"status":"paid"}}\n\n'), 100);
      setTimeout(() => res.end(), 150);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const paymentStatus = (event: any) => JSON.parse(event.data).payment.status;

  it('answers the current state first, then waits for the change', async () => {
    const stream = await openEventStream(`${base}/events`);
    expect(stream.status).toBe(200);
    expect(paymentStatus(await stream.next(() => true, 1000))).toBe('pending');
    const paid = await stream.next((event: any) => paymentStatus(event) === 'paid', 1000);
    expect(paymentStatus(paid)).toBe('paid');
    await expect(stream.next(() => true, 1000)).rejects.toThrow('stream ended');
    stream.close();
  });

  it('reports a missing endpoint by its status', async () => {
    const stream = await openEventStream(`${base}/nothing`);
    expect(stream.status).toBe(404);
  });

  it('gives up on an event that does not come', async () => {
    const stream = await openEventStream(`${base}/events`);
    await expect(stream.next(() => false, 300)).rejects.toThrow();
    stream.close();
  });
});
