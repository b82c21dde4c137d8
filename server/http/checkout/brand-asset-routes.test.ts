import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { patchAccount, postAccount } from '../../../tests/support/admin-api.ts';
import { LOGO_FIXTURES, logoDataUrl } from '../../../tests/support/logo-fixtures.ts';
import {
  createTestPaylink,
  TEST_BASE_URL,
  type TestPaylink,
} from '../../../tests/support/test-paylink.ts';
import { brandStylesheetPath } from '../../checkout/brand-assets.ts';
import { createAccountStore } from '../../store/account-store.ts';
import { readLogoDataUrl } from '../../domain/account/logo-image.ts';
import { testBackends } from '../../../tests/support/test-database.ts';

// SPEC §7, §9: the logo is served from Paylink's own origin with a long cache lifetime, under
// a name that changes with its content; stale and unknown names are 404s.

let t: TestPaylink;

const get = (path: string) => t.app.request(path);
const pathOf = (url: string) => url.replace(TEST_BASE_URL, '');

async function accountWithLogo(type: string, base64: string) {
  const created = await postAccount(t, { name: 'Toko Logo', logo: logoDataUrl(type, base64) });
  expect(created.status).toBe(201);
  const { id, logo_url } = created.body.data.account;
  return { id: id as string, logoPath: pathOf(logo_url) };
}

// On PostgreSQL the database's own announcement comes over another connection, later: the
// store must drop what it cached itself, or the next read is stale.
describe.each(testBackends())('GET /b2b/assets/logo/{account_id}/{logo_file} on %s', (backend) => {
  beforeAll(async () => {
    t = await createTestPaylink({ backend });
  });
  afterAll(() => t.close());

  it.each([
    ['image/png', LOGO_FIXTURES.png],
    ['image/jpeg', LOGO_FIXTURES.jpeg],
    ['image/webp', LOGO_FIXTURES.webpAlpha],
  ])('serves a %s logo byte for byte, cached a year, not sniffable', async (type, base64) => {
    const { logoPath } = await accountWithLogo(type, base64);
    const response = await get(logoPath);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(base64, 'base64'));
  });

  it('answers 404 for an unknown account, hash or extension', async () => {
    const { id, logoPath } = await accountWithLogo('image/png', LOGO_FIXTURES.png);
    const file = logoPath.split('/').pop() ?? '';
    for (const path of [
      `/b2b/assets/logo/01KNOSUCHACCOUNT0000000000/${file}`,
      `/b2b/assets/logo/${id}/${'0'.repeat(32)}.png`,
      `/b2b/assets/logo/${id}/${file.replace('.png', '.jpg')}`,
      `/b2b/assets/logo/${id}/${file.replace('.png', '')}`,
      `/b2b/assets/logo/${id}/${file.slice(1)}`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('answers the new logo at once after a PATCH, and 404 for the old name', async () => {
    const { id, logoPath } = await accountWithLogo('image/png', LOGO_FIXTURES.png);
    expect((await get(logoPath)).status).toBe(200); // the account row is now cached
    const patched = await patchAccount(t, id, {
      logo: logoDataUrl('image/webp', LOGO_FIXTURES.webpLossy),
    });
    const newPath = pathOf(patched.body.data.account.logo_url);
    expect(newPath).not.toBe(logoPath);
    expect((await get(newPath)).status).toBe(200);
    expect((await get(logoPath)).status).toBe(404);
    await patchAccount(t, id, { logo: null });
    expect((await get(newPath)).status).toBe(404);
  });

  it('sees a change another process made, once the database announces it', async () => {
    const { id, logoPath } = await accountWithLogo('image/png', LOGO_FIXTURES.png);
    expect((await get(logoPath)).status).toBe(200);
    // Written past this process's stores, as another server sharing the database would.
    const elsewhere = createAccountStore(t.db);
    const read = readLogoDataUrl(logoDataUrl('image/jpeg', LOGO_FIXTURES.jpeg));
    if (!read.ok) throw new Error(read.message);
    await elsewhere.update(id, { logo: read.logo }, t.clock.now());
    const account = await elsewhere.findById(id);
    const newPath = `/b2b/assets/logo/${id}/${read.logo.sha256.slice(0, 32)}.jpg`;
    expect(account?.logo?.sha256).toBe(read.logo.sha256);
    await vi.waitFor(async () => expect((await get(newPath)).status).toBe(200), {
      timeout: 3000,
    });
    expect((await get(logoPath)).status).toBe(404);
  });
});

describe('GET /b2b/assets/brand/{brand_file}', () => {
  beforeAll(async () => {
    t = await createTestPaylink();
  });
  afterAll(() => t.close());

  it('serves the stylesheet the page links for a readable colour, cached a year', async () => {
    const path = brandStylesheetPath('#7A3E12');
    expect(path).toMatch(/^\/b2b\/assets\/brand\/7a3e12-[0-9a-f]{12}\.css$/);
    const response = await get(path ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const css = await response.text();
    expect(css).toContain(':root .button{background:#7a3e12;border-color:#7a3e12}');
    expect(css).toMatch(/:root \.button:hover\{background:#[0-9a-f]{6}/);
  });

  it('has no stylesheet for a colour too light for white text', async () => {
    expect(brandStylesheetPath('#ffcc00')).toBeNull();
    const readable = brandStylesheetPath('#7a3e12') ?? '';
    const version = readable.slice(-16, -4);
    expect((await get(`/b2b/assets/brand/ffcc00-${version}.css`)).status).toBe(404);
  });

  it.each([
    ['another version', (path: string) => path.replace(/-[0-9a-f]{12}\.css$/, '-000000000000.css')],
    ['upper case', (path: string) => path.replace('7a3e12', '7A3E12')],
    ['another colour under the same version', (path: string) => path.replace('7a3e12', '7a3e13')],
    ['no extension', (path: string) => path.replace('.css', '')],
    ['a script in the name', () => '/b2b/assets/brand/%3Cscript%3E.css'],
  ])('answers 404 for %s', async (_name, alter) => {
    const response = await get(alter(brandStylesheetPath('#7a3e12') ?? ''));
    expect(response.status).toBe(404);
  });
});
