import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export type FakeImageServer = {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** How many requests each path has had. */
  hits: (path: string) => number;
  close: () => Promise<void>;
};

/** A local stand-in for a gateway's image host: one handler per path, requests counted. */
export async function startFakeImageServer(
  routes: Readonly<Record<string, Handler>>,
): Promise<FakeImageServer> {
  const counts = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const handler = routes[path];
    if (handler) handler(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
