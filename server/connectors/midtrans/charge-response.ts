import * as v from 'valibot';
import type { Instrument } from '../../domain/connector/connector.ts';
import type { MidtransChannel } from './midtrans-channels.ts';

const Text = v.pipe(v.string(), v.trim(), v.nonEmpty());

/** The fields of a charge answer Paylink reads (reference A.2); others are let through. */
const ChargeAnswerSchema = v.looseObject({
  transaction_id: Text,
  order_id: v.optional(v.string()),
  transaction_status: v.optional(v.string()),
  va_numbers: v.optional(v.array(v.looseObject({ bank: v.optional(v.string()), va_number: Text }))),
  permata_va_number: v.optional(Text),
  bill_key: v.optional(Text),
  biller_code: v.optional(Text),
  qr_string: v.optional(v.string()),
  actions: v.optional(v.array(v.unknown())),
  payment_code: v.optional(Text),
});
type ChargeAnswer = v.InferOutput<typeof ChargeAnswerSchema>;

/** Schemes a link on the page must never carry, whoever sent it. */
const SCRIPT_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:']);

/**
 * An `actions[]` URL by name, kept as returned: they may point at other hosts and carry
 * nested callback URLs, so they are used, never rebuilt (reference A.1).
 */
function actionUrl(answer: ChargeAnswer, name: string): string | null {
  for (const action of answer.actions ?? []) {
    const { name: actionName, url } = (action ?? {}) as { name?: unknown; url?: unknown };
    if (actionName !== name || typeof url !== 'string' || !URL.canParse(url)) continue;
    return SCRIPT_SCHEMES.has(new URL(url).protocol) ? null : url;
  }
  return null;
}

/** An image URL the page can load: http(s) only (an app's deep link is not an image). */
function imageUrl(answer: ChargeAnswer, name: string): string | null {
  const url = actionUrl(answer, name);
  return url && /^https?:$/.test(new URL(url).protocol) ? url : null;
}

/** A VA number: the entry for the bank asked for, else the first; Permata answers apart. */
function vaNumber(answer: ChargeAnswer, bank: string): string | null {
  const numbers = answer.va_numbers ?? [];
  const entry = numbers.find((n) => n.bank?.toLowerCase() === bank) ?? numbers[0];
  return entry?.va_number ?? answer.permata_va_number ?? null;
}

type Found = Omit<Instrument, 'gatewayRef'> | null;

function instrumentFor(channel: MidtransChannel, answer: ChargeAnswer, reffNo: string): Found {
  const qrString = answer.qr_string?.trim() || null;
  switch (channel.paymentType) {
    case 'bank_transfer': {
      const value = vaNumber(answer, channel.bank);
      return value ? { value, qrString: null, details: null } : null;
    }
    case 'echannel':
      if (!answer.bill_key || !answer.biller_code) return null;
      return {
        value: answer.bill_key,
        qrString: null,
        details: { kind: 'bill', billerCode: answer.biller_code },
      };
    case 'qris': {
      // qr_string is missing from the current API example: then only the image is shown.
      if (qrString) return { value: reffNo, qrString, details: null };
      const qrImageUrl = imageUrl(answer, 'generate-qr-code');
      return qrImageUrl
        ? { value: reffNo, qrString, details: { kind: 'qr-image', qrImageUrl } }
        : null;
    }
    case 'gopay': {
      const deeplink = actionUrl(answer, 'deeplink-redirect');
      if (!deeplink) return null;
      const qrImageUrl = imageUrl(answer, 'generate-qr-code');
      const details = { kind: 'ewallet', deeplinkUrl: deeplink, qrImageUrl } as const;
      return { value: reffNo, qrString, details };
    }
    case 'shopeepay': {
      // No QR in ShopeePay's answer: the deep link itself, scanned by a phone, opens the app.
      const deeplink = actionUrl(answer, 'deeplink-redirect');
      if (!deeplink) return null;
      const details = { kind: 'ewallet', deeplinkUrl: deeplink, qrImageUrl: null } as const;
      return { value: reffNo, qrString: deeplink, details };
    }
    case 'cstore':
      if (!answer.payment_code) return null;
      return {
        value: answer.payment_code,
        qrString: null,
        details: { kind: 'store', store: channel.store },
      };
  }
}

/**
 * The instrument in a successful charge answer, or null when the answer lacks what the
 * channel needs (or is about another order, or not pending): the order may still exist.
 */
export function readChargeResponse(
  channel: MidtransChannel,
  body: unknown,
  reffNo: string,
): Instrument | null {
  const parsed = v.safeParse(ChargeAnswerSchema, body);
  if (!parsed.success) return null;
  const answer = parsed.output;
  if (answer.order_id !== undefined && answer.order_id !== reffNo) return null;
  const status = answer.transaction_status?.toLowerCase();
  if (status !== undefined && status !== 'pending') return null;
  const found = instrumentFor(channel, answer, reffNo);
  return found && { ...found, gatewayRef: answer.transaction_id };
}
