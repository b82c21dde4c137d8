import { randomBytes } from 'node:crypto';
import type { Payment } from '../../server/domain/payment/payment.ts';
import {
  type Catalog,
  createCatalog,
  DEFAULT_CATALOG,
  type PaymentMethod,
} from '../../server/domain/payment-method/catalog.ts';
import type { TestPaylink } from './test-paylink.ts';

function method(code: string, group: PaymentMethod['group'], displayName: string): PaymentMethod {
  return {
    code,
    group,
    name: displayName,
    displayName,
    minAmount: 1_000,
    maxAmount: 5_000_000,
    expirySeconds: 24 * 60 * 60,
    enabled: true,
  };
}

/** The sandbox's catalog plus the channels a gateway connector brings (SPEC §10). */
export const GATEWAY_TEST_CATALOG: Catalog = createCatalog([
  ...DEFAULT_CATALOG,
  method('GOPAY', 'ewallet', 'GoPay'),
  method('SHOPEEPAY', 'ewallet', 'ShopeePay'),
  method('ALFAMART', 'cstore', 'Alfamart'),
  method('INDOMARET', 'cstore', 'Indomaret'),
]);

/**
 * Stores a pending payment of the link as a gateway connector would have issued it: what the
 * checkout shows is read from the stored row, whoever issued it. `over` sets the method,
 * value, QR text and instrument.
 */
export async function storeGatewayPayment(
  t: TestPaylink,
  publicId: string,
  over: Partial<Payment>,
): Promise<Payment> {
  const link = await t.deps.links.findByPublicId(publicId);
  if (!link) throw new Error(`no link ${publicId}`);
  const now = t.clock.now();
  const reffNo = `PYGW${randomBytes(8).toString('hex').toUpperCase()}`;
  const stored = await t.deps.payments.insertPending(
    {
      reffNo,
      linkId: link.id,
      accountId: link.accountId,
      methodCode: 'GOPAY',
      methodValue: reffNo,
      qrString: null,
      amount: link.totalAmount,
      status: 'pending',
      customer: null,
      expiresAt: new Date(now.getTime() + 15 * 60_000),
      paidAt: null,
      settledAt: null,
      endedAt: null,
      createdAt: now,
      updatedAt: now,
      connector: 'midtrans',
      gatewayRef: `gw-${reffNo.toLowerCase()}`,
      instrument: null,
      gatewayCheckedAt: null,
      ...over,
    },
    { now, maxPending: 50 },
  );
  if (typeof stored === 'string') throw new Error(`not stored: ${stored}`);
  return stored;
}
