import type { PaymentConnector } from '../../domain/connector/connector.ts';
import { DEFAULT_CATALOG } from '../../domain/payment-method/catalog.ts';
import {
  buildDynamicQris,
  type QrisMerchant,
} from '../../domain/payment-method/qris/qris-payload.ts';
import { findVaBank, newVaNumber } from '../../domain/payment-method/va/va-banks.ts';
import type { RandomBytes } from '../../domain/shared/clock.ts';

/**
 * SPEC §8: Paylink plays the banks. Instruments are made here (a VA number under the bank's
 * made-up prefix, a dynamic QRIS payload); money arrives through the sandbox routes, which
 * call the domain directly, so there is nothing to close, ask or be notified of.
 */
export function createSandboxConnector(options: {
  name?: 'sandbox' | 'none';
  random: RandomBytes;
  qrisMerchant: QrisMerchant;
}): PaymentConnector {
  return {
    name: options.name ?? 'sandbox',
    isRemote: false,
    catalog: DEFAULT_CATALOG,
    issue: async ({ method, reffNo, amount, merchantName }) => {
      if (method.group === 'qris') {
        const qrString = buildDynamicQris({
          merchant: options.qrisMerchant,
          merchantName,
          amount,
          reference: reffNo,
        });
        return {
          ok: true,
          instrument: { value: reffNo, qrString, gatewayRef: null, details: null },
        };
      }
      const bank = findVaBank(method.code);
      if (!bank) throw new Error(`no VA bank for ${method.code}`);
      const value = newVaNumber(bank, options.random);
      return { ok: true, instrument: { value, qrString: null, gatewayRef: null, details: null } };
    },
    close: async () => 'closed',
    status: async () => 'unavailable',
    readNotification: () => ({ ok: false, reason: 'unverified' }),
  };
}
