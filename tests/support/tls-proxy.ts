import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request as forward, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';

/** The public host name of the proxy: what the certificate names and browsers would type. */
export const PROXY_HOST = 'localhost';

export type TlsProxy = {
  /** `https://localhost:<port>`: the server's PUBLIC_BASE_URL. */
  origin: string;
  httpsPort: number;
  /** Plain http on another port, redirecting to https, as a real proxy's port 80 does. */
  httpPort: number;
  /** Sends what arrives to 127.0.0.1:`port` (set once the server behind it is known). */
  forwardTo: (port: number) => void;
  close: () => Promise<void>;
};

/**
 * A self-signed certificate for `localhost`, made for this run with the openssl command line
 * (Node can verify certificates but not make them); it lives one day.
 */
function makeCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'paylink-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${PROXY_HOST}`,
        '-addext',
        `subjectAltName=DNS:${PROXY_HOST}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/**
 * A TLS-terminating reverse proxy in front of a Paylink server, as in production (SPEC §9
 * "Behind a proxy over https"): https in, plain http to the server with the public `Host`
 * kept and `X-Forwarded-Proto: https`; port "80" only redirects. Its certificate is made
 * trusted for this process's TLS clients, so a client checking certificates (the MDN HTTP
 * Observatory's) sees a valid site, as it would a real one.
 */
export async function startTlsProxy(): Promise<TlsProxy> {
  const { key, cert } = makeCertificate();
  setDefaultCACertificates([...getCACertificates('default'), cert]);
  let target: number | null = null;
  const https = createHttpsServer({ key, cert }, (incoming, outgoing) => {
    if (target === null) {
      outgoing.writeHead(502).end();
      return;
    }
    const upstream = forward(
      {
        host: '127.0.0.1',
        port: target,
        method: incoming.method,
        path: incoming.url,
        headers: {
          ...incoming.headers,
          'x-forwarded-proto': 'https',
          'x-forwarded-for': incoming.socket.remoteAddress ?? '',
        },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502).end();
    });
    incoming.pipe(upstream);
  });
  const httpsPort = await listen(https);
  const http = createHttpServer((incoming, outgoing) => {
    outgoing
      .writeHead(301, { location: `https://${PROXY_HOST}:${httpsPort}${incoming.url ?? '/'}` })
      .end();
  });
  const httpPort = await listen(http);
  const close = (server: Server) =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    origin: `https://${PROXY_HOST}:${httpsPort}`,
    httpsPort,
    httpPort,
    forwardTo: (port) => {
      target = port;
    },
    close: async () => {
      await Promise.all([close(https), close(http)]);
    },
  };
}
