import { decode, encode, tag, withCrcTag } from 'promptparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_ORIGIN, publicIdOf, startPayment } from '../../../tests/support/checkout-api.ts';
import { paymentRow } from '../../../tests/support/checkout-db.ts';
import { createLinkOk } from '../../../tests/support/link-api.ts';
import { createMerchant } from '../../../tests/support/merchant.ts';
import { testBackends } from '../../../tests/support/test-database.ts';
import { createTestPaylink, type TestPaylink } from '../../../tests/support/test-paylink.ts';

/** A well-formed QRIS (valid CRC) whose tag 62/05 reference is this text. */
function qrWithReference(qr: string, reference: string): string {
  const tags = decode(qr)
    .filter((t) => t.id !== '63')
    .map((t) => (t.id === '62' ? tag('62', encode([tag('05', reference)])) : t));
  return withCrcTag(encode(tags), '63', true);
}

// PostgreSQL refuses NUL in a text parameter: a payment reference that carries one, in a URL or
// a body, must be "not found", not a 500 (SPEC §3: nothing a client sends causes a 500).
describe.each(testBackends())('payment references a client made up (%s)', (backend) => {
  let t: TestPaylink;
  let publicId: string;
  let payment: { reff_no: string; qr_string: string };
  beforeAll(async () => {
    t = await createTestPaylink({ backend });
    const link = await createLinkOk(t, await createMerchant(t), { total_amount: 20_000 });
    publicId = publicIdOf(link);
    payment = (await startPayment(t, publicId, { method: 'QRIS' })).body.data;
  });
  afterAll(() => t.close());

  const send = (method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', origin: PAGE_ORIGIN },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it.each([
    ['a NUL', 'PY%00x', 'PY\u0000x'],
    ['an encoded slash', 'PY%2F..', 'PY/..'],
    ['a lone surrogate', 'PY%ED%A0%80', 'PY\ud800'],
    ['5,000 characters', 'P'.repeat(5000), 'P'.repeat(5000)],
  ])('%s: 404 everywhere a reference is looked up', async (_, inPath, inBody) => {
    const answers = [
      await send('POST', `/b2b/${publicId}/payments/${inPath}/cancel`),
      await send('GET', `/b2b/${publicId}/payments/${inPath}/qr.png`),
      await send('POST', `/sandbox/simulate/${inPath}`),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404]);
    const settled = await send('POST', '/sandbox/api/settlements', { reff_no: inBody });
    expect([404, 422]).toContain(settled.status);
    const status = await send('GET', `/b2b/${publicId}/status?payment=${inPath}`);
    expect(status.status).toBe(200);
    expect((await status.json()).payment).toBeNull();
  });

  it('a QRIS with a valid CRC and a NUL in its 62/05 reference is 404', async () => {
    const forged = qrWithReference(payment.qr_string, `${payment.reff_no}\u0000`);
    const answer = await send('POST', '/sandbox/api/qris-payments', { qr_string: forged });
    expect(answer.status).toBe(404);
    expect((await paymentRow(t, payment.reff_no)).status).toBe('pending');
  });

  it('a VA number with a NUL is refused as malformed', async () => {
    const answer = await send('POST', '/sandbox/api/va-payments', {
      bank: 'BRI',
      va_number: '26215\u000012345',
      amount: 20_000,
    });
    expect(answer.status).toBe(422);
  });
});
