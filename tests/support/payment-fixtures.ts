import type { Payment } from '../../server/domain/payment/payment.ts';
import type { PaymentLink } from '../../server/domain/payment-link/payment-link.ts';

/** 2026-01-15 10:00 WIB, where the test clock starts. */
export const NOW = new Date('2026-01-15T03:00:00.000Z');
const MINUTE = 60_000;

/** A plain open link of Rp 20.000, used once of three, never expiring; fields replaced by `over`. */
export function aLink(over: Partial<PaymentLink> = {}): PaymentLink {
  return {
    id: 7,
    accountId: '01K7P073Q8RE2A9PQT8Q7MXPN4',
    reffNo: 'PL20260115100000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    publicId: 'PL20260115100000aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    dialect: 'v1',
    title: 'Kaos',
    description: null,
    requiredCustomerDetail: false,
    requiredCustomerNumber: false,
    requiredCustomerEmail: false,
    maxUsage: 3,
    currentUsage: 1,
    status: 'open',
    expiredAt: null,
    totalAmount: 20_000,
    items: null,
    whitelistedPaymentMethod: null,
    redirectUrl: null,
    successRedirectUrl: null,
    expiredRedirectUrl: null,
    callbackUrl: null,
    optionalMetadata: null,
    customer: null,
    displayName: null,
    requestFingerprint: null,
    paymentDate: null,
    createdAt: new Date(NOW.getTime() - 60 * MINUTE),
    updatedAt: new Date(NOW.getTime() - 60 * MINUTE),
    ...over,
  };
}

/** A pending VA payment of that link, Rp 20.000, payable until 10:30 WIB. */
export function aPayment(over: Partial<Payment> = {}): Payment {
  return {
    id: 11,
    reffNo: 'PY0123456789ABCDEFGH',
    linkId: 7,
    accountId: '01K7P073Q8RE2A9PQT8Q7MXPN4',
    methodCode: 'VA_BRI',
    methodValue: '262151234567890',
    qrString: null,
    amount: 20_000,
    status: 'pending',
    customer: null,
    expiresAt: new Date(NOW.getTime() + 30 * MINUTE),
    paidAt: null,
    settledAt: null,
    endedAt: null,
    connector: 'sandbox',
    gatewayRef: null,
    instrument: null,
    gatewayCheckedAt: null,
    createdAt: new Date(NOW.getTime() - MINUTE),
    updatedAt: new Date(NOW.getTime() - MINUTE),
    ...over,
  };
}
