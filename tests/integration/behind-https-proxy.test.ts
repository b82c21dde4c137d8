import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/merchant-receiver.ts';
import { observatoryScore } from '../support/observatory.ts';
import {
  asMerchant,
  call,
  createRemoteMerchant,
  type RemoteMerchant,
} from '../support/remote-paylink.ts';
import {
  killAllServers,
  type ServerProcess,
  startServer,
  tempDataDir,
} from '../support/server-process.ts';
import { PROXY_HOST, startTlsProxy, type TlsProxy } from '../support/tls-proxy.ts';

// SPEC §9 "Behind a proxy over https": the built server behind a local TLS terminator (whose
// port "80" redirects to https, as a real proxy's does), with PUBLIC_BASE_URL=https://….

let proxy: TlsProxy;
let server: ServerProcess;
let merchant: RemoteMerchant;
let removeDataDir: () => Promise<void>;

beforeAll(async () => {
  proxy = await startTlsProxy();
  const dir = await tempDataDir();
  removeDataDir = dir.remove;
  const port = await freePort();
  proxy.forwardTo(port);
  server = await startServer({
    dataDir: dir.dir,
    port,
    env: { PUBLIC_BASE_URL: proxy.origin },
    readyTimeoutMs: 90_000,
  });
  merchant = await createRemoteMerchant(proxy.origin, {});
}, 120_000);

afterAll(async () => {
  await killAllServers();
  await proxy?.close();
  await removeDataDir?.();
});

async function newLinkPath(body: object = {}): Promise<string> {
  const link = (
    await call(proxy.origin, 'POST', `/api/v1.0/payment-link-manage/${merchant.accountId}`, {
      headers: asMerchant(merchant),
      body: { title: 'Kopi Susu', total_amount: 50_000, max_usage: 1, ...body },
      expected: 200,
    })
  ).data;
  return new URL(String(link.payment_url)).pathname;
}

async function startVa(linkPath: string) {
  return (
    await call(proxy.origin, 'POST', `${linkPath}/payments`, {
      body: { method: 'VA_BRI' },
      expected: 201,
    })
  ).data as { reff_no: string; payment_method_value: string };
}

/** A browser's form post from one of our https pages (or from `origin`), through the proxy. */
async function postForm(path: string, fields: Record<string, string>, origin = proxy.origin) {
  const response = await fetch(`${proxy.origin}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin,
      'sec-fetch-site': origin === proxy.origin ? 'same-origin' : 'cross-site',
    },
    body: new URLSearchParams(fields).toString(),
  });
  await response.arrayBuffer();
  return {
    status: response.status,
    location: response.headers.get('location'),
    cookies: response.headers.getSetCookie(),
  };
}

describe('the MDN HTTP Observatory', () => {
  /** The pages a customer or a developer sees, by name, each with the path to score. */
  async function pagesToScore(): Promise<Record<string, string>> {
    const linkPage = await newLinkPath();
    const vaLink = await newLinkPath();
    const pending = await startVa(vaLink);
    const paidLink = await newLinkPath();
    const paid = await startVa(paidLink);
    await call(proxy.origin, 'POST', '/sandbox/api/va-payments', {
      body: { bank: 'BRI', va_number: paid.payment_method_value, amount: 50_000 },
      expected: 200,
    });
    return {
      'link page': linkPage,
      'VA payment view': `${vaLink}/payments/${pending.reff_no}`,
      receipt: `${paidLink}/payments/${paid.reff_no}`,
      'paid link page': paidLink,
      '404 page': '/b2b/PLnosuchlink',
      'API reference': '/docs/api',
      'link page ?lang=en': `${linkPage}?lang=en`,
      'VA payment view ?lang=en': `${vaLink}/payments/${pending.reff_no}?lang=en`,
      '404 page ?lang=en': '/b2b/PLnosuchlink?lang=en',
    };
  }

  // Every one of its tests passes, not just the total: a lost header would otherwise hide
  // behind the bonus points of the others.
  it('scores every page A+ (≥ 100) with every test passed', { timeout: 120_000 }, async () => {
    const scores: Record<string, Awaited<ReturnType<typeof observatoryScore>>> = {};
    for (const [name, path] of Object.entries(await pagesToScore())) {
      scores[name] = await observatoryScore({
        host: PROXY_HOST,
        httpPort: proxy.httpPort,
        httpsPort: proxy.httpsPort,
        path,
      });
    }
    console.info(
      Object.entries(scores)
        .map(
          ([name, { score, grade, status }]) =>
            `observatory: ${name} [${status}]: ${score} ${grade}`,
        )
        .join('\n'),
    );
    for (const [name, { score, grade, results }] of Object.entries(scores)) {
      expect({
        name,
        grade,
        failed: Object.keys(results).filter((test) => !results[test]?.pass),
      }).toEqual({ name, grade: 'A+', failed: [] });
      expect(score, name).toBeGreaterThanOrEqual(100);
      expect(results['cross-origin-resource-policy']?.result, name).toBe(
        'corp-implemented-with-same-origin',
      );
      expect(results['strict-transport-security']?.result, name).toBe(
        'hsts-implemented-max-age-at-least-six-months',
      );
    }
    // The `lang` cookie a `?lang=` sets is Secure, HttpOnly and SameSite.
    expect(scores['link page ?lang=en']?.results.cookies?.result).toBe(
      'cookies-secure-with-httponly-sessions-and-samesite',
    );
  });
});

describe('cookies and CSRF over https', () => {
  it('every cookie is Secure', async () => {
    const response = await fetch(`${proxy.origin}${await newLinkPath()}?lang=en`);
    await response.arrayBuffer();
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure(;|$)/);
  });

  // docs/decisions/023: the pending payment and a refused form, each for its link's pages only.
  it('the checkout’s own cookies are Secure, HttpOnly and SameSite=Lax, for one link', async () => {
    const linkPath = await newLinkPath();
    const refused = await postForm(`${linkPath}/payments`, {});
    const started = await postForm(`${linkPath}/payments`, { method: 'VA_BRI' });
    const cookies = [...refused.cookies, ...started.cookies];
    expect(cookies.map((cookie) => cookie.split('=')[0])).toEqual(['pl_form', 'pl_pending']);
    for (const cookie of cookies)
      expect(cookie).toMatch(
        new RegExp(`; Path=${linkPath}; Max-Age=\\d+; HttpOnly; SameSite=Lax; Secure$`),
      );
  });

  // The proxy speaks plain http to the server: an origin check made of the request's own
  // URL refused the customer's own https form posts (403).
  it('takes the form posts of our own https pages', async () => {
    const linkPath = await newLinkPath({ max_usage: 2 });
    const paid = await postForm(`${linkPath}/payments`, { method: 'VA_BRI' });
    expect(paid.status).toBe(303);
    const viewPath = paid.location ?? '';
    expect(viewPath).toMatch(new RegExp(`^${linkPath}/payments/`));
    expect((await postForm(`${linkPath}/payments`, { method: 'VA_NOPE' })).status).toBe(422);
    expect((await postForm(`${viewPath}/cancel`, {})).status).toBe(303);
    const again = await postForm(`${linkPath}/payments`, { method: 'VA_BNI' });
    const reffNo = again.location?.split('/').pop() ?? '';
    expect((await postForm(`/sandbox/simulate/${reffNo}`, {})).status).toBe(303);
  });

  it('refuses a post whose Host and Origin both name another site', async () => {
    const linkPath = await newLinkPath();
    // Straight to the server (fetch may not set Host), as a proxy that passes Host on would.
    const status = await new Promise<number>((resolve, reject) => {
      const sent = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `${linkPath}/payments`,
          headers: {
            host: 'evil.example',
            origin: 'http://evil.example',
            'content-type': 'application/x-www-form-urlencoded',
          },
        },
        (answer) => {
          answer.resume();
          resolve(answer.statusCode ?? 0);
        },
      );
      sent.on('error', reject);
      sent.end('method=VA_BRI');
    });
    expect(status).toBe(403);
  });
});
