import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import { PAYMENT_STATUSES, type Payment } from '../../domain/payment/payment.ts';
import { failure, type Result } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';
import { wholeNumber } from '../api-v1/field-schemas.ts';
import { WholeNumber } from '../envelope-schemas.ts';
import { readJson, validate } from '../read-body.ts';
import { sendData, sendFailure } from '../respond.ts';
import { sameOriginPosts } from '../same-origin-posts.ts';
import { payQris, payVirtualAccount, settleNow } from './sandbox-payments.ts';

export const VaPaymentSchema = v.object({
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
export const QrisPaymentSchema = v.object({
  qr_string: v.pipe(
    v.string('Must be the scanned QR text.'),
    v.nonEmpty('Must be the scanned QR text.'),
    v.maxLength(1024),
  ),
});
export const SettlementSchema = v.object({
  reff_no: v.pipe(
    v.string('Must be a payment reff_no.'),
    v.nonEmpty('Must be a payment reff_no.'),
    v.maxLength(64),
  ),
});

const formText = v.pipe(v.string(), v.trim());

/** The bank simulator page's form (GET /sandbox): a VA transfer or a pasted QR text. */
export const SandboxPayFormSchema = v.variant('kind', [
  v.object({ kind: v.literal('qris'), qr_string: formText }),
  v.object({
    kind: v.literal('va'),
    bank: formText,
    va_number: formText,
    amount: v.pipe(
      formText,
      v.regex(/^\d{1,10}$/, 'Type the amount in whole rupiah.'),
      v.toNumber(),
      v.minValue(1, 'Type the amount in whole rupiah.'),
    ),
  }),
]);

function payFromForm(deps: Deps, form: v.InferOutput<typeof SandboxPayFormSchema>) {
  if (form.kind === 'qris') return payQris(deps, form.qr_string);
  const { bank, va_number: vaNumber, amount } = form;
  return payVirtualAccount(deps, { bank, vaNumber, amount });
}

/** What the sandbox answers for a payment it paid or settled. */
export const SandboxPaymentSchema = v.pipe(
  v.strictObject({
    reff_no: v.string(),
    status: v.picklist(PAYMENT_STATUSES),
    amount: WholeNumber,
  }),
  v.title('SandboxPayment'),
);

type SandboxPayment = v.InferOutput<typeof SandboxPaymentSchema>;

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
  const answer = (c: Context, result: Result<Payment>) => {
    if (!result.ok) return sendFailure(c, result);
    const { reffNo, status, amount } = result.value;
    const received: SandboxPayment = { reff_no: reffNo, status, amount };
    return sendData(c, received);
  };

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
    if (!payment || !link) return sendFailure(c, failure('PAYMENT_NOT_FOUND', 'No such payment.'));
    const result = payment.qrString
      ? await payQris(deps, payment.qrString)
      : await payVirtualAccount(deps, {
          bank: payment.methodCode,
          vaNumber: payment.methodValue,
          amount: payment.amount,
        });
    if (!result.ok)
      deps.log.info('sandbox payment refused', { payment_id: payment.id, code: result.code });
    return c.redirect(`/b2b/${link.publicId}/payments/${payment.reffNo}`, 303);
  });

  // The bank-simulator page's form (GET /sandbox): pay a VA number or pasted QR text by hand.
  routes.post('/pay', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}));
    const checked = validate(SandboxPayFormSchema, form);
    const result = checked.ok ? await payFromForm(deps, checked.value) : checked;
    const outcome = result.ok
      ? new URLSearchParams({ outcome: 'paid', reff: result.value.reffNo })
      : new URLSearchParams({ outcome: 'refused', code: result.code });
    return c.redirect(`/sandbox?${outcome}`, 303);
  });

  return routes;
}
