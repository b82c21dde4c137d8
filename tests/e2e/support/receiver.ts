import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for the merchant's site: the page a customer is sent back to (SPEC §7). */
export type Receiver = {
  origin: string;
  /** Every address the receiver was asked for, in order. */
  hits: URL[];
  close: () => Promise<void>;
};

/** Starts a tiny HTTP server on 127.0.0.1 that answers every GET with a small thank-you page. */
export async function startReceiver(): Promise<Receiver> {
  const hits: URL[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
