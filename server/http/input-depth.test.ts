import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicIdOf } from '../../tests/support/checkout-api.ts';
import { createLinkOk, MINIMAL_LINK } from '../../tests/support/link-api.ts';
import {
  createMerchant,
  linksPath,
  type Merchant,
  merchantHeaders,
} from '../../tests/support/merchant.ts';
import {
  createTestPaylink,
  TEST_ADMIN_TOKEN,
  type TestPaylink,
} from '../../tests/support/test-paylink.ts';
import { basicAuth } from '../../tests/support/v4-api.ts';
import { fieldRows } from './openapi/reference-view.ts';

let t: TestPaylink;
let merchant: Merchant;
let linkPath: string;
let publicId: string;

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  const link = await createLinkOk(t, merchant, { max_usage: 100 });
  linkPath = `${linksPath(merchant)}/${link.id}`;
  publicId = publicIdOf(link);
});
afterAll(() => t.close());

/** `levels` arrays nested in one another around `1`, as JSON text (no recursion to build it). */
const nestedArrays = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

/** The JSON text of `body` with one more member whose value is the given JSON text. */
function withMember(body: object, name: string, valueText: string): string {
  const text = JSON.stringify(body);
  const rest = text === '{}' ? '{' : `${text.slice(0, -1)},`;
  return `${rest}${JSON.stringify(name)}:${valueText}}`;
}

type Door = {
  name: string;
  method: string;
  path: () => string;
  headers: () => Record<string, string>;
  /** A body this door reads, to which a deep member is added. */
  body: () => object;
};

const json = { 'content-type': 'application/json' };

/** Every endpoint that reads a JSON body (server/http/read-body.ts readJson/readJsonOrForm). */
const DOORS: Door[] = [
  {
    name: 'v1.0 create',
    method: 'POST',
    path: () => linksPath(merchant),
    headers: () => merchantHeaders(merchant),
    body: () => MINIMAL_LINK,
  },
  {
    name: 'v1.0 create with an Idempotency-Key',
    method: 'POST',
    path: () => linksPath(merchant),
    headers: () => ({ ...merchantHeaders(merchant), 'idempotency-key': `deep-${Math.random()}` }),
    body: () => MINIMAL_LINK,
  },
  {
    name: 'v1.0 PUT',
    method: 'PUT',
    path: () => linkPath,
    headers: () => merchantHeaders(merchant),
    body: () => ({ status: 'open' }),
  },
  {
    name: 'v1.0 PATCH',
    method: 'PATCH',
    path: () => linkPath,
    headers: () => merchantHeaders(merchant),
    body: () => ({ max_usage: 100 }),
  },
  {
    name: 'v1.0 access token',
    method: 'POST',
    path: () => '/api/v1.0/access-token/b2b',
    headers: () => ({
      ...json,
      'x-partner-id': merchant.apiKey,
      authorization: basicAuth(merchant.clientId, merchant.clientSecret),
    }),
    body: () => ({ grant_type: 'client_credentials' }),
  },
  {
    name: 'v4 create',
    method: 'POST',
    path: () => '/api/v4/payment_links',
    headers: () => ({
      ...json,
      authorization: basicAuth(merchant.clientId, merchant.clientSecret),
    }),
    body: () => ({ data: { attributes: { amount: 20_000, referenceId: 'DEEP-V4' } } }),
  },
  {
    name: 'checkout payment start',
    method: 'POST',
    path: () => `/b2b/${publicId}/payments`,
    headers: () => json,
    body: () => ({ method: 'QRIS' }),
  },
  {
    name: 'sandbox VA payment',
    method: 'POST',
    path: () => '/sandbox/api/va-payments',
    headers: () => json,
    body: () => ({ bank: 'BRI', va_number: '262150000000001', amount: 20_000 }),
  },
  {
    name: 'sandbox QRIS payment',
    method: 'POST',
    path: () => '/sandbox/api/qris-payments',
    headers: () => json,
    body: () => ({ qr_string: '000201' }),
  },
  {
    name: 'sandbox settlement',
    method: 'POST',
    path: () => '/sandbox/api/settlements',
    headers: () => json,
    body: () => ({ reff_no: 'PY0000000000000000000' }),
  },
  {
    name: 'admin account creation',
    method: 'POST',
    path: () => '/api/admin/accounts',
    headers: () => ({ ...json, authorization: `Bearer ${TEST_ADMIN_TOKEN}` }),
    body: () => ({ name: 'Toko Dalam', email: 'dalam@example.com', phone: '08123993201' }),
  },
];

async function send(door: Door, text: string) {
  const response = await t.app.request(door.path(), {
    method: door.method,
    headers: door.headers(),
    body: text,
  });
  return { status: response.status, body: await response.json() };
}

/** The field names of a 422, from the envelope or from JSON:API pointers. */
function namedFields(body: any): string[] {
  if (Array.isArray(body.errors)) return body.errors.map((error: any) => error.source?.pointer);
  return Object.keys(body.errors ?? {});
}

describe('JSON bodies nested deeper than 32 levels are 422 on every door (SPEC §9)', () => {
  // The body is level 1, so its member holds 32 more; 4,400 levels fit in 8.8 KB.
  const cases = DOORS.flatMap((door) =>
    [32, 4400].map((levels) => [door.name, levels, door] as const),
  );

  it.each(cases)(
    '%s: %i levels in a member is a 422 naming that member',
    async (_n, levels, door) => {
      const text = withMember(door.body(), 'deep', nestedArrays(levels));
      expect(text.length).toBeLessThan(9 * 1024);
      const answer = await send(door, text);
      expect(answer.status).toBe(422);
      const isV4 = door.path().startsWith('/api/v4');
      expect(namedFields(answer.body)).toEqual([isV4 ? '/data/attributes' : 'deep']);
    },
  );

  it('reads a body of exactly 32 levels', async () => {
    const door = DOORS[0] as Door;
    const body = { ...MINIMAL_LINK, reff_no: 'DEPTH-32' };
    const answer = await send(door, withMember(body, 'deep', nestedArrays(31)));
    expect(answer.status).toBe(200);
  });

  it('names the v4 document member that holds the depth', async () => {
    const door = DOORS.find((candidate) => candidate.name === 'v4 create') as Door;
    const text = `{"data":{"attributes":${withMember(
      { amount: 20_000, referenceId: 'DEEP-V4-2' },
      'deep',
      nestedArrays(31),
    )}}}`;
    const answer = await send(door, text);
    expect(answer.status).toBe(422);
    expect(namedFields(answer.body)).toEqual(['/data']);
  });
});

describe('optional_metadata is flat-ish: ≤ 20 keys, ≤ 4 KiB, ≤ 5 levels (SPEC §9)', () => {
  const create = (reffNo: string, metadataText: string) =>
    send(
      DOORS[0] as Door,
      withMember({ ...MINIMAL_LINK, reff_no: reffNo }, 'optional_metadata', metadataText),
    );

  async function expectRefused(reffNo: string, metadataText: string) {
    const answer = await create(reffNo, metadataText);
    expect(answer.status).toBe(422);
    expect(namedFields(answer.body)).toEqual(['optional_metadata']);
    const list = await t.app.request(`${linksPath(merchant)}?search=${reffNo}`, {
      headers: merchantHeaders(merchant),
    });
    expect((await list.json()).data).toEqual([]);
  }

  /** `{"a":{"a":…{"a":1}}}` with `levels` objects. */
  const nestedObjects = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it('refuses metadata nested ~4,400 levels in an 8.8 KB body, creating nothing', async () => {
    const text = `{"a":${nestedArrays(4400)}}`;
    await expectRefused('META-DEEP', text);
  });

  it('takes 5 levels and refuses 6', async () => {
    expect((await create('META-5', nestedObjects(5))).status).toBe(200);
    await expectRefused('META-6', nestedObjects(6));
  });

  it('takes 20 keys and refuses 21', async () => {
    const keys = (count: number) =>
      JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i])));
    expect((await create('META-20', keys(20))).status).toBe(200);
    await expectRefused('META-21', keys(21));
  });

  it('takes 4,096 bytes of JSON and refuses 4,097 (counted in UTF-8)', async () => {
    // `{"note":"…"}` is 11 bytes around the text; é is 2 bytes in UTF-8.
    const sized = (bytes: number) => JSON.stringify({ note: `é${'x'.repeat(bytes - 13)}` });
    expect(Buffer.byteLength(sized(4096))).toBe(4096);
    expect((await create('META-4096', sized(4096))).status).toBe(200);
    await expectRefused('META-4097', sized(4097));
  });

  it('is documented in the OpenAPI document', async () => {
    const document = await (await t.app.request('/api/openapi.json')).json();
    const create = document.paths['/api/v1.0/payment-link-manage/{account_id}'].post;
    const schema = create.requestBody.content['application/json'].schema;
    const metadata = schema.properties.optional_metadata.anyOf[0];
    expect(metadata).toMatchObject({ type: 'object', maxProperties: 20 });
    expect(metadata.description).toMatch(/5 levels/);
    expect(metadata.description).toMatch(/4 KiB/);
    // …and so does the reference page (/docs/api), which shows the limits in words.
    const row = fieldRows(schema).find((field) => field.name === 'optional_metadata');
    expect(row?.notes).toMatch(/at most 20 keys.*5 levels.*4 KiB/);
  });
});
