import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkStatus, publicIdOf, startPayment } from '../../tests/support/checkout-api.ts';
import { createLinkOk } from '../../tests/support/link-api.ts';
import { callApi, createMerchant, linksPath, type Merchant } from '../../tests/support/merchant.ts';
import { createTestPaylink, type TestPaylink } from '../../tests/support/test-paylink.ts';
import { basicAuth } from '../../tests/support/v4-api.ts';
import { createLogger } from '../logger.ts';
import { createApp } from './app.ts';

/** A real log line: the time, a level, then the event (SPEC §9 "Logs"). */
const LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (debug|info|warn|error) \S/;

let t: TestPaylink;
let merchant: Merchant;
const lines: string[] = [];
const levelOf = (line: string) => LINE.exec(line)?.[1];

beforeAll(async () => {
  t = await createTestPaylink();
  merchant = await createMerchant(t);
  t.deps.log = createLogger('debug', { write: (line) => lines.push(line) });
});
afterAll(() => t.close());

/** A body whose client hangs up: what Node's request stream does (code ECONNRESET). */
function abortedBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"grant_type": "cli'));
      controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    },
  });
}

describe('a client that hangs up mid-request (SPEC §9 "Logs")', () => {
  it.each([
    '/api/v1.0/access-token/b2b',
    '/b2b/PL20260115100000ab12cd34ef56ab12cd34ef56ab12cd34/payments',
    '/api/v4/payment_links',
  ])('is told at debug level, without a stack: POST %s', async (path) => {
    const headers = {
      'content-type': 'application/json',
      'x-partner-id': merchant.apiKey,
      origin: 'http://localhost',
      authorization: basicAuth(merchant.clientId, merchant.clientSecret),
    };
    lines.length = 0;
    const response = await t.app.request(path, {
      method: 'POST',
      headers,
      body: abortedBody(),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(400);
    expect(lines.map(levelOf)).toEqual(['debug']);
    expect(lines[0]).toMatch(/ debug client went away before the answer method=POST route=\//);
    expect(lines[0]).not.toMatch(/\bat |abortIncoming|ECONNRESET/);
  });
});

describe('a failing query (SPEC §9 "Logs": no SQL parameters)', () => {
  it('answers 500 and logs the SQLSTATE and the route, never the parameters or the public id', async () => {
    const link = await createLinkOk(t, merchant);
    const publicId = publicIdOf(link);
    // A stored row the code cannot read: the lookups by public id and by id now fail.
    await t.db.execute(sql`alter table payment_links rename column title to title_gone`);
    lines.length = 0;
    try {
      const status = await linkStatus(t, publicId);
      const started = await startPayment(t, publicId, { method: 'VA_BRI' });
      const shown = await callApi(t, merchant, 'GET', `${linksPath(merchant)}/${link.id}`);
      const v4 = await t.app.request(`/api/v4/payment_links/paymentlink_${publicId.slice(-32)}`, {
        headers: { authorization: basicAuth(merchant.clientId, merchant.clientSecret) },
      });
      for (const answer of [status, started, shown]) {
        expect(answer).toMatchObject({
          status: 500,
          body: { error: { reason: 'INTERNAL_ERROR' } },
        });
      }
      expect(v4.status).toBe(500);
      expect(await v4.json()).toMatchObject({
        errors: [{ status: '500', code: 'INTERNAL_ERROR' }],
      });
    } finally {
      await t.db.execute(sql`alter table payment_links rename column title_gone to title`);
    }

    const errors = lines.filter((line) => levelOf(line) === 'error');
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(
      / error unhandled error method=GET route=\/b2b\/:publicId\/status error=\w+ sqlstate=42703 query="select payment_links" cause=\w+ stack=/,
    );
    const all = lines.join('\n');
    for (const leak of [
      publicId,
      publicId.slice(-32),
      'params',
      'Failed query',
      merchant.accountId,
    ]) {
      expect(all).not.toContain(leak);
    }
    for (const line of lines) expect(line).toMatch(LINE);
  });
});

describe('a crafted path (SPEC §9 "Logs": no forged lines)', () => {
  const failingApp = () =>
    createApp(t.deps, {
      renderPages: () => {
        throw Object.assign(new Error('Failed query: select 1\nparams: secret'), {
          query: 'select 1',
        });
      },
    });
  const expectOneSafeLine = () => {
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(LINE);
    expect(lines[0]?.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)).toHaveLength(1);
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect(lines[0]).not.toContain('secret');
  };

  // Line and paragraph separators are no control characters: such a path reaches the pages.
  it.each([
    '/docs/%E2%80%A82026-01-15T03:00:00.000Z%20info%20forged',
    '/docs/x%E2%80%A92026-01-15T03:00:00.000Z%20error%20forged',
  ])('leaves one well-formed line for a failure on %s', async (path) => {
    lines.length = 0;
    const response = await failingApp().request(path);
    expect(response.status).toBe(500);
    expectOneSafeLine();
  });

  // Control and format characters: refused before any handler (SPEC §9 "Input"), or logged
  // escaped should one get through.
  it.each([
    '/b2b/%0a2026-01-15T03:00:00.000Z%20info%20account%2001ABC%20created',
    '/docs/x%0d%0a2026-01-15T03:00:00.000Z%20error%20forged',
    '/docs/%E2%80%AEdetrevni',
    '/docs/%1b[2K%1b[1Gcleared',
  ])('forges no line from %s', async (path) => {
    lines.length = 0;
    const response = await failingApp().request(path);
    if (response.status === 404) expect(lines).toEqual([]);
    else expectOneSafeLine();
  });
});
