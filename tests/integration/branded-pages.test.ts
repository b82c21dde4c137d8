import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOGO_FIXTURES, logoDataUrl } from '../support/logo-fixtures.ts';
import {
  asMerchant,
  call,
  createRemoteMerchant,
  type RemoteMerchant,
} from '../support/remote-paylink.ts';
import { createScratchDatabase } from '../support/scratch-database.ts';
import {
  INTEGRATION_ADMIN_TOKEN,
  killAllServers,
  type ServerProcess,
  startServer,
  tempDataDir,
} from '../support/server-process.ts';

// SPEC §7, §9 "Branding", as a customer's browser gets the built server's pages: the logo
// from our own origin at most 48 px high with the merchant's name as its text, the brand
// colour only where white text on it is readable, the VA holder name, and an admin PATCH
// seen by the very next page read (pages are cached, docs/decisions/009).

const PAGE_HEADERS = { 'accept-language': 'en', 'accept-encoding': 'br, gzip' };
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  await killAllServers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function html(server: ServerProcess, path: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: PAGE_HEADERS });
  expect(response.status).toBe(200);
  return response.text();
}

function patchAccount(server: ServerProcess, accountId: string, body: object) {
  return call(server.baseUrl, 'PATCH', `/api/admin/accounts/${accountId}`, {
    headers: { authorization: `Bearer ${INTEGRATION_ADMIN_TOKEN}` },
    body,
    expected: 200,
  });
}

async function linkPath(server: ServerProcess, merchant: RemoteMerchant): Promise<string> {
  const { data } = await call(
    server.baseUrl,
    'POST',
    `/api/v1.0/payment-link-manage/${merchant.accountId}`,
    {
      headers: asMerchant(merchant),
      body: { title: 'Kopi Susu', total_amount: 50_000 },
      expected: 200,
    },
  );
  return `/b2b/${String(data.payment_url).split('/b2b/')[1]}`;
}

async function vaPath(server: ServerProcess, path: string, method = 'VA_BCA'): Promise<string> {
  const { data } = await call(server.baseUrl, 'POST', `${path}/payments`, {
    body: { method },
    expected: 201,
  });
  return `${path}/payments/${data.reff_no}`;
}

/** The page's logo <img>, the brand stylesheet it links, and the merchant name it shows. */
function brandingOf(page: string) {
  const img = /<img class="logo"[^>]*>/.exec(page)?.[0] ?? null;
  const attribute = (name: string) =>
    img ? (new RegExp(`\\b${name}="([^"]*)"`).exec(img)?.[1] ?? null) : null;
  return {
    logo: img
      ? { src: attribute('src'), alt: attribute('alt'), height: Number(attribute('height')) }
      : null,
    stylesheet:
      /<link rel="stylesheet" href="(\/b2b\/assets\/brand\/[^"]+)"/.exec(page)?.[1] ?? null,
    name:
      /<p class="merchant-name"[^>]*><span[^>]*>[^<]*<\/span>([^<]*)<\/p>/.exec(page)?.[1] ?? null,
  };
}

describe('one process', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    const dir = await tempDataDir();
    cleanups.push(dir.remove);
    server = await startServer({ dataDir: dir.dir, readyTimeoutMs: 90_000 });
  }, 120_000);

  it('shows the logo (same origin, ≤ 48 px, the name as its text) and the readable brand colour', async () => {
    const merchant = await createRemoteMerchant(server.baseUrl, {
      name: 'PT Kopi Senja Nusantara',
      display_name: 'Kopi Senja',
      logo: logoDataUrl('image/webp', LOGO_FIXTURES.webpAlpha),
      brand_color: '#7a3e12',
    });
    const path = await linkPath(server, merchant);
    const page = await html(server, path);
    const branding = brandingOf(page);
    expect(branding.name).toBe('Kopi Senja');
    expect(branding.logo?.alt).toBe('Kopi Senja');
    expect(branding.logo?.src).toMatch(/^\/b2b\/assets\/logo\/[0-9A-Z]{26}\/[0-9a-f]{32}\.webp$/);
    expect(branding.logo?.height).toBeLessThanOrEqual(48);
    expect(branding.stylesheet).toMatch(/^\/b2b\/assets\/brand\/7a3e12-[0-9a-f]{12}\.css$/);

    const logo = await fetch(`${server.baseUrl}${branding.logo?.src}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/webp');
    expect(logo.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
    const css = await fetch(`${server.baseUrl}${branding.stylesheet}`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('background:#7a3e12');

    // The page's own policy lets both load, from our origin only.
    const response = await fetch(`${server.baseUrl}${path}`, { headers: PAGE_HEADERS });
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/img-src 'self'/);
    expect(policy).toMatch(/style-src 'self'/);
  });

  it('keeps the default button under a colour too light for white text', async () => {
    const merchant = await createRemoteMerchant(server.baseUrl, { brand_color: '#ffcc00' });
    const page = await html(server, await linkPath(server, merchant));
    expect(brandingOf(page)).toMatchObject({ stylesheet: null, logo: null });
    expect(page).not.toContain('/b2b/assets/brand/');
  });

  it('shows the holder name the bank will show on the VA view', async () => {
    const merchant = await createRemoteMerchant(server.baseUrl, {
      name: 'PT Kopi Senja Nusantara',
      display_name: 'Kopi Senja',
    });
    const page = await html(server, await vaPath(server, await linkPath(server, merchant)));
    expect(page).toMatch(/<dt[^>]*>Recipient name<\/dt><dd[^>]*>KOPI SENJA<\/dd>/);
  });

  it('an admin PATCH reaches the link page and the VA view on the very next read', async () => {
    const merchant = await createRemoteMerchant(server.baseUrl, { name: 'Toko Lama' });
    const path = await linkPath(server, merchant);
    const payment = await vaPath(server, path, 'VA_PERMATA');
    // Both rendered and kept by the page cache.
    for (let i = 0; i < 2; i++) {
      expect(brandingOf(await html(server, path))).toMatchObject({ name: 'Toko Lama', logo: null });
      expect(await html(server, payment)).toContain('>TOKO LAMA</dd>');
    }
    await patchAccount(server, merchant.accountId, {
      display_name: 'Toko Baru Jaya Abadi Sentosa',
      logo: logoDataUrl('image/png', LOGO_FIXTURES.png),
      brand_color: '#1b5e20',
    });
    const after = brandingOf(await html(server, path));
    expect(after.name).toBe('Toko Baru Jaya Abadi Sentosa');
    expect(after.logo?.src).toMatch(/\.png$/);
    expect(after.stylesheet).toMatch(/\/1b5e20-/);
    // Permata shows 20 characters.
    expect(await html(server, payment)).toContain('>TOKO BARU JAYA ABADI</dd>');

    await patchAccount(server, merchant.accountId, { logo: null, brand_color: '#ffffff' });
    expect(brandingOf(await html(server, path))).toMatchObject({ logo: null, stylesheet: null });
    expect((await fetch(`${server.baseUrl}${after.logo?.src}`)).status).toBe(404);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('two processes sharing PostgreSQL', () => {
  afterEach(async () => {
    await killAllServers();
  });

  it(
    'a PATCH through one process reaches the other’s cached page within 1 s',
    { timeout: 90_000 },
    async () => {
      const database = await createScratchDatabase();
      cleanups.push(database.drop);
      const env = { DATABASE_URL: database.url, SECRET_KEY: randomBytes(32).toString('hex') };
      const dirs = await Promise.all([tempDataDir(), tempDataDir()]);
      for (const dir of dirs) cleanups.push(dir.remove);
      const [a, b] = await Promise.all(dirs.map((dir) => startServer({ dataDir: dir.dir, env })));
      if (!a || !b) throw new Error('servers did not start');
      const merchant = await createRemoteMerchant(a.baseUrl, { name: 'Toko Lama' });
      const path = await linkPath(a, merchant);
      expect(brandingOf(await html(b, path)).name).toBe('Toko Lama');
      expect(brandingOf(await html(b, path)).name).toBe('Toko Lama');

      const patchedAt = performance.now();
      const patched = await patchAccount(a, merchant.accountId, {
        display_name: 'Toko Baru',
        logo: logoDataUrl('image/png', LOGO_FIXTURES.png),
      });
      let seen = brandingOf(await html(b, path));
      while (seen.name !== 'Toko Baru' && performance.now() - patchedAt < 1000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        seen = brandingOf(await html(b, path));
      }
      expect(seen.name).toBe('Toko Baru');
      // And B serves the new logo itself.
      const logoUrl = new URL(patched.data.account.logo_url as string);
      expect((await fetch(`${b.baseUrl}${logoUrl.pathname}`)).status).toBe(200);
    },
  );
});
