import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import type { Payment } from '../../domain/payment/payment.ts';
import { failure, type Result } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { wholeNumber } from '../api-v1/field-schemas.ts';
import { readJson, validate } from '../read-body.ts';
import { sendData, sendFailure } from '../respond.ts';
import { sameOriginPosts } from '../same-origin-posts.ts';
import { payQris, payVirtualAccount, settleNow } from './sandbox-payments.ts';

const VaPaymentSchema = v.object({
  bank: v.pipe(
    v.string('Must be a bank code such as "BRI".'),
    v.nonEmpty('Must be a bank code such as "BRI".'),
  ),
  va_number: v.pipe(
    v.string('Must be the VA number.'),
    v.regex(/^[\d\s-]{6,40}$/, 'Must be the VA number (digits).'),
  ),
  amount: wholeNumber(1, 1_000_000_000),
});
const QrisPaymentSchema = v.object({
  qr_string: v.pipe(
    v.string('Must be the scanned QR text.'),
    v.nonEmpty('Must be the scanned QR text.'),
    v.maxLength(1024),
  ),
});
const SettlementSchema = v.object({
  reff_no: v.pipe(
    v.string('Must be a payment reff_no.'),
    v.nonEmpty('Must be a payment reff_no.'),
    v.maxLength(64),
  ),
});

/** SPEC §8 answers malformed input with 422, so a body that is not JSON is one too. */
async function readSandboxJson(c: Context) {
  const body = await readJson(c);
  if (body.ok || body.code !== 'MALFORMED_BODY') return body;
  return failure('VALIDATION_FAILED', body.message, { body: [body.message] });
}

/**
 * SPEC §8: the sandbox plays the banks. JSON answers: 200 paid, 404 unknown VA/QR, 409 no
 * longer payable, 422 wrong amount or malformed input. Mounted only in sandbox mode.
 */
export function sandboxRoutes(deps: Deps) {
  const routes = new Hono();
  routes.use('*', sameOriginPosts(deps.config.PUBLIC_BASE_URL));
  const answer = (c: Context, result: Result<Payment>) =>
    result.ok
      ? sendData(c, {
          reff_no: result.value.reffNo,
          status: result.value.status,
          amount: result.value.amount,
        })
      : sendFailure(c, result);

  routes.post('/api/va-payments', async (c) => {
    const body = await readSandboxJson(c);
    const checked = body.ok ? validate(VaPaymentSchema, body.value) : body;
    if (!checked.ok) return sendFailure(c, checked);
    const { bank, va_number: vaNumber, amount } = checked.value;
    return answer(c, await payVirtualAccount(deps, { bank, vaNumber, amount }));
  });

  routes.post('/api/qris-payments', async (c) => {
    const body = await readSandboxJson(c);
    const checked = body.ok ? validate(QrisPaymentSchema, body.value) : body;
    if (!checked.ok) return sendFailure(c, checked);
    return answer(c, await payQris(deps, checked.value.qr_string));
  });

  routes.post('/api/settlements', async (c) => {
    const body = await readSandboxJson(c);
    const checked = body.ok ? validate(SettlementSchema, body.value) : body;
    if (!checked.ok) return sendFailure(c, checked);
    return answer(c, await settleNow(deps, checked.value.reff_no));
  });

  // The checkout page's "simulate payment" button (sandbox only): pays the exact amount.
  routes.post('/simulate/:reffNo', async (c) => {
    const payment = await deps.payments.findByReffNo(c.req.param('reffNo'));
    const link = payment ? await deps.links.findById(payment.accountId, payment.linkId) : null;
    if (!payment || !link) return c.notFound();
    const result = payment.qrString
      ? await payQris(deps, payment.qrString)
      : await payVirtualAccount(deps, {
          bank: payment.methodCode,
          vaNumber: payment.methodValue,
          amount: payment.amount,
        });
    if (!result.ok) deps.log.info(`sandbox simulate ${payment.reffNo}: ${result.code}`);
    return c.redirect(`/b2b/${link.publicId}/payments/${payment.reffNo}`, 303);
  });

  // The bank-simulator page's form (GET /sandbox): pay a VA number or pasted QR text by hand.
  routes.post('/pay', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const text = (name: string) =>
      typeof form[name] === 'string' ? String(form[name]).trim() : '';
    const amount = /^\d{1,10}$/.test(text('amount')) ? Number(text('amount')) : Number.NaN;
    let result: Result<Payment>;
    if (text('kind') === 'qris') result = await payQris(deps, text('qr_string'));
    else if (!Number.isSafeInteger(amount) || amount < 1) {
      result = failure('VALIDATION_FAILED', 'Type the amount in whole rupiah.');
    } else
      result = await payVirtualAccount(deps, {
        bank: text('bank'),
        vaNumber: text('va_number'),
        amount,
      });
    const outcome = result.ok
      ? new URLSearchParams({ outcome: 'paid', reff: result.value.reffNo })
      : new URLSearchParams({ outcome: 'refused', code: result.code });
    return c.redirect(`/sandbox?${outcome}`, 303);
  });

  return routes;
}
