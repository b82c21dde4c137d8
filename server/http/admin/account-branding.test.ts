import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCall, patchAccount, postAccount } from '../../../tests/support/admin-api.ts';
import { requestFrom } from '../../../tests/support/from-address.ts';
import { expectFailure, expectInvalid } from '../../../tests/support/link-api.ts';
import { LOGO_FIXTURES, logoDataUrl, pngOfSize } from '../../../tests/support/logo-fixtures.ts';
import {
  createTestPaylink,
  TEST_ADMIN_TOKEN,
  TEST_BASE_URL,
  type TestPaylink,
} from '../../../tests/support/test-paylink.ts';

// SPEC §9 "Branding": admin create and PATCH take display_name, logo, brand_color,
// support_email and support_phone; every bad field is a 422 naming it; PATCH changes only
// what it is given.

let t: TestPaylink;
beforeAll(async () => {
  t = await createTestPaylink();
});
afterAll(() => t.close());

const PNG = logoDataUrl('image/png', LOGO_FIXTURES.png);
const WEBP = logoDataUrl('image/webp', LOGO_FIXTURES.webpLossy);
const BRANDING = {
  display_name: 'Kopi Senja',
  logo: PNG,
  brand_color: '#7A3E12',
  support_email: 'bantuan@kopisenja.id',
  support_phone: '(021) 555-1234',
};

async function newAccount(body: object = {}): Promise<string> {
  const created = await postAccount(t, { name: 'PT Kopi Senja Nusantara', ...body });
  expect(created.status).toBe(201);
  return created.body.data.account.id;
}

describe('POST /api/admin/accounts with branding', () => {
  it('stores and answers every branding field, the logo as a URL on our own origin', async () => {
    const created = await postAccount(t, { name: 'PT Kopi Senja Nusantara', ...BRANDING });
    expect(created.status).toBe(201);
    const { account } = created.body.data;
    expect(account).toMatchObject({
      display_name: 'Kopi Senja',
      brand_color: '#7a3e12',
      brand_color_applied: true,
      support_email: 'bantuan@kopisenja.id',
      support_phone: '+62215551234',
    });
    expect(account.logo_url).toMatch(
      new RegExp(`^${TEST_BASE_URL}/b2b/assets/logo/${account.id}/[0-9a-f]{32}\\.png$`),
    );
    const stored = await t.deps.accounts.findById(account.id);
    expect(stored?.logo).toMatchObject({ type: 'image/png', width: 3, height: 2 });
  });

  it('keeps a colour too light for white text, but says the button will not take it', async () => {
    const created = await postAccount(t, { name: 'Toko Kuning', brand_color: '#ffcc00' });
    expect(created.body.data.account).toMatchObject({
      brand_color: '#ffcc00',
      brand_color_applied: false,
    });
  });
});

/** Bad values of each branding field, and the message's gist. */
const BAD_FIELDS: [string, Record<string, unknown>, string][] = [
  ['a blank display_name', { display_name: '   ' }, 'display_name'],
  ['a display_name of 101 characters', { display_name: 'x'.repeat(101) }, 'display_name'],
  ['a display_name that is a number', { display_name: 7 }, 'display_name'],
  ['a display_name of two lines', { display_name: 'Toko\r\nBcc: x@evil.example' }, 'display_name'],
  ['a logo that is a URL', { logo: 'https://cdn.example.com/logo.png' }, 'logo'],
  ['an SVG logo', { logo: 'data:image/svg+xml;base64,PHN2Zy8+' }, 'logo'],
  ['a PNG logo sent as JPEG', { logo: logoDataUrl('image/jpeg', LOGO_FIXTURES.png) }, 'logo'],
  ['a JPEG logo sent as PNG', { logo: logoDataUrl('image/png', LOGO_FIXTURES.jpeg) }, 'logo'],
  [
    'a logo of 32 KiB + 1 byte',
    { logo: logoDataUrl('image/png', pngOfSize(32 * 1024 + 1).toString('base64')) },
    'logo',
  ],
  ['a logo that is a number', { logo: 1 }, 'logo'],
  ['a three-digit colour', { brand_color: '#fff' }, 'brand_color'],
  ['a named colour', { brand_color: 'red' }, 'brand_color'],
  ['a colour with bad digits', { brand_color: '#12345g' }, 'brand_color'],
  ['a colour without #', { brand_color: '0b57d0' }, 'brand_color'],
  ['a bad support_email', { support_email: 'bantuan@' }, 'support_email'],
  ['a foreign support_phone', { support_phone: '+65 8123 4567' }, 'support_phone'],
  ['a short code support_phone', { support_phone: '1500888' }, 'support_phone'],
];

describe.each([
  ['POST', (body: object) => postAccount(t, { name: 'Toko', ...body })],
  ['PATCH', async (body: object) => patchAccount(t, await newAccount(), body)],
])('%s: bad branding is a 422 naming the field', (_method, send) => {
  it.each(BAD_FIELDS)('%s', async (_name, body, field) => {
    expectInvalid(await send(body), field);
  });

  it('names every bad field at once', async () => {
    const answer = await send({
      display_name: '',
      logo: 'data:image/gif;base64,R0lGODlh',
      brand_color: 'blue',
      support_email: 'x',
      support_phone: 'call me',
    });
    expectInvalid(answer, 'display_name', 'logo', 'brand_color', 'support_email', 'support_phone');
  });
});

describe('the logo messages say what is wrong', () => {
  it.each([
    [logoDataUrl('image/jpeg', LOGO_FIXTURES.png), /Says image\/jpeg, but its bytes are a PNG/],
    [logoDataUrl('image/png', pngOfSize(40_000).toString('base64')), /at most 32 KiB/],
    ['data:image/svg+xml;base64,PHN2Zy8+', /PNG, JPEG or WebP/],
  ])('%#', async (logo, message) => {
    const answer = await postAccount(t, { name: 'Toko', logo });
    expect(answer.body.errors.logo).toEqual([expect.stringMatching(message)]);
  });

  it('takes a logo of exactly 32 KiB', async () => {
    const logo = logoDataUrl('image/png', pngOfSize(32 * 1024).toString('base64'));
    expect((await postAccount(t, { name: 'Toko', logo })).status).toBe(201);
  });
});

describe('PATCH /api/admin/accounts/{account_id}', () => {
  it('changes only the given fields and answers the account, without a secret', async () => {
    const id = await newAccount({ ...BRANDING, email: 'owner@kopisenja.id', phone: '08123993201' });
    const answer = await patchAccount(t, id, { brand_color: '#1B5E20', display_name: 'Senja' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: 200,
      success: true,
      data: { account: expect.any(Object) },
    });
    expect(answer.body.data.account).toMatchObject({
      id,
      name: 'PT Kopi Senja Nusantara',
      email: 'owner@kopisenja.id',
      phone: '08123993201',
      display_name: 'Senja',
      brand_color: '#1b5e20',
      support_email: 'bantuan@kopisenja.id',
      support_phone: '+62215551234',
      logo_url: expect.stringMatching(/\.png$/),
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/api_key|client_secret|whsec_/);
    expect(await t.deps.accounts.findById(id)).toMatchObject({
      displayName: 'Senja',
      brandColor: '#1b5e20',
      updatedAt: t.clock.now(),
    });
  });

  it('replaces the logo with a new URL, and removes it with null', async () => {
    const id = await newAccount({ logo: PNG });
    const before = (await patchAccount(t, id, { display_name: 'x' })).body.data.account.logo_url;
    const replaced = (await patchAccount(t, id, { logo: WEBP })).body.data.account.logo_url;
    expect(replaced).toMatch(/\.webp$/);
    expect(replaced).not.toBe(before);
    const removed = await patchAccount(t, id, { logo: null });
    expect(removed.body.data.account.logo_url).toBeNull();
    expect((await t.deps.accounts.findById(id))?.logo).toBeNull();
  });

  it('clears a field with null, and changes the account’s own details', async () => {
    const id = await newAccount(BRANDING);
    const answer = await patchAccount(t, id, {
      support_email: null,
      display_name: null,
      name: 'PT Senja Baru',
      email: 'baru@senja.id',
      callback_url: 'https://senja.id/hooks',
    });
    expect(answer.body.data.account).toMatchObject({
      support_email: null,
      display_name: null,
      name: 'PT Senja Baru',
      email: 'baru@senja.id',
      callback_url: 'https://senja.id/hooks',
    });
  });

  it.each([
    ['an empty body', {}, 'body'],
    ['only unknown fields', { logo_url: 'https://x.example/logo.png' }, 'body'],
    ['a null name', { name: null }, 'name'],
    ['a blank name', { name: ' ' }, 'name'],
    ['a javascript: callback_url', { callback_url: 'javascript:alert(1)' }, 'callback_url'],
  ])('answers 422 for %s', async (_name, body, field) => {
    const id = await newAccount();
    expectInvalid(await patchAccount(t, id, body), field);
  });

  it('answers 404 for an account that does not exist, and 401 without the token', async () => {
    expectFailure(
      await patchAccount(t, '01KNOSUCHACCOUNT0000000000', { display_name: 'x' }),
      404,
      'ACCOUNT_NOT_FOUND',
    );
    const id = await newAccount();
    const unauthenticated = await adminCall(
      t,
      'PATCH',
      `/api/admin/accounts/${id}`,
      {
        display_name: 'Penyusup',
      },
      { 'content-type': 'application/json' },
    );
    expectFailure(unauthenticated, 401, 'UNAUTHENTICATED');
    expect((await t.deps.accounts.findById(id))?.displayName).toBeNull();
  });

  it('does not change anything when one field is bad', async () => {
    const id = await newAccount(BRANDING);
    expectInvalid(
      await patchAccount(t, id, { display_name: 'Baru', brand_color: 'x' }),
      'brand_color',
    );
    expect((await t.deps.accounts.findById(id))?.displayName).toBe('Kopi Senja');
  });
});

describe('PATCH: callback URLs go through the destination check (SPEC §6)', () => {
  let strict: TestPaylink;
  beforeAll(async () => {
    strict = await createTestPaylink({ env: { CALLBACK_ALLOW_PRIVATE: 'false' } });
  });
  afterAll(() => strict.close());

  it.each([
    ['callback_url', 'http://127.0.0.1:8080/hook'],
    ['inquiry_callback_url', 'https://10.0.0.5/inquiry'],
    ['callback_url', 'https://169.254.169.254/latest/meta-data'],
  ])('refuses %s %s with 422 and keeps the old one', async (field, url) => {
    const created = await postAccount(strict, {
      name: 'Toko',
      callback_url: 'https://93.184.215.14/hook',
    });
    const id = created.body.data.account.id;
    expectInvalid(await patchAccount(strict, id, { [field]: url }), field);
    expect((await strict.deps.accounts.findById(id))?.callbackUrl).toBe(
      'https://93.184.215.14/hook',
    );
  });
});

describe('PATCH without ADMIN_TOKEN', () => {
  it('does not exist (404)', async () => {
    const off = await createTestPaylink({ env: { ADMIN_TOKEN: '' } });
    try {
      expectFailure(
        await patchAccount(off, '01KNOSUCHACCOUNT0000000000', { name: 'x' }),
        404,
        'ADMIN_DISABLED',
      );
    } finally {
      await off.close();
    }
  });
});

describe('PATCH is behind the admin limit (SPEC §9)', () => {
  it('after 10 refused tokens from one address, the right token waits too (429)', async () => {
    const limited = await createTestPaylink({ env: { RATE_LIMITS: '' } });
    try {
      const id = (await postAccount(limited, { name: 'Toko' })).body.data.account.id;
      const patch = (token: string) =>
        requestFrom(limited, '203.0.113.60', `/api/admin/accounts/${id}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ display_name: 'Tebakan' }),
        });
      for (let i = 1; i <= 10; i++) expect((await patch(`wrong-token-${i}`)).status).toBe(401);
      const refused = await patch(TEST_ADMIN_TOKEN);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect((await limited.deps.accounts.findById(id))?.displayName).toBeNull();
    } finally {
      await limited.close();
    }
  });
});
