import type { Payment } from '../../domain/payment/payment.ts';
import { receivePayment, settlePayment } from '../../domain/payment/receive-payment.ts';
import { readQris } from '../../domain/payment-method/qris/qris-reader.ts';
import { VA_BANKS } from '../../domain/payment-method/va/va-banks.ts';
import { failure, type Result } from '../../domain/shared/result.ts';
import type { Deps } from '../../deps.ts';

const NO_SUCH_VA = failure(
  'PAYMENT_NOT_FOUND',
  'No virtual account with this number at this bank.',
);

/** `BRI`, `bri` or `VA_BRI` → `VA_BRI`; null for a bank we do not know. */
export function methodCodeOfBank(bank: string): string | null {
  const wanted = bank.trim().toUpperCase().replace(/^VA_/, '');
  const found = VA_BANKS.find(
    (b) => b.code === `VA_${wanted}` || b.shortName.toUpperCase() === wanted,
  );
  return found?.code ?? null;
}

/** The sandbox bank receives a transfer to a VA number (SPEC §8). */
export async function payVirtualAccount(
  deps: Deps,
  request: { bank: string; vaNumber: string; amount: number },
): Promise<Result<Payment>> {
  const methodCode = methodCodeOfBank(request.bank);
  const payment = await deps.payments.findByVaNumber(request.vaNumber.replace(/[\s-]/g, ''));
  if (!methodCode || !payment || payment.methodCode !== methodCode) return NO_SUCH_VA;
  return receivePayment(deps, payment, request.amount);
}

/** The sandbox acquirer receives a scanned QRIS text: decoded and CRC-checked first (SPEC §8). */
export async function payQris(deps: Deps, qrString: string): Promise<Result<Payment>> {
  const scanned = readQris(qrString);
  if (!scanned.ok) return scanned;
  const { reference, amount } = scanned.value;
  const payment = reference ? await deps.payments.findByReffNo(reference) : null;
  if (!payment || payment.methodCode !== 'QRIS' || payment.qrString !== qrString.trim()) {
    return failure('PAYMENT_NOT_FOUND', 'No QRIS payment with this reference.');
  }
  if (amount === null) return failure('WRONG_AMOUNT', 'The QR code carries no amount.');
  return receivePayment(deps, payment, amount);
}

/** Settles a paid payment now instead of after SETTLEMENT_DELAY. */
export async function settleNow(deps: Deps, reffNo: string): Promise<Result<Payment>> {
  const payment = await deps.payments.findByReffNo(reffNo);
  if (!payment) return failure('PAYMENT_NOT_FOUND', 'No such payment.');
  return settlePayment(deps, payment.id);
}
