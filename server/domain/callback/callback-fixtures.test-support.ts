import type { Account } from '../account/account.ts';
import type { Payment } from '../payment/payment.ts';
import type { PaymentLink } from '../payment-link/payment-link.ts';

/** Fixed inputs for the callback body tests: plain data, every time given in UTC. */
export const BASE_URL = 'https://pay.example.id';
export const RANDOM_HEX = 'fd65953f01a9de1364fe899d2722f255';
export const PUBLIC_ID = `PL20251105160923${RANDOM_HEX}`;

export function anAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: '01K7P073Q8RE2A9PQT8Q7MXPN4',
    name: 'Toko Contoh',
    email: 'owner@toko.example',
    phone: '08123993201',
    status: 'active',
    callbackUrl: 'https://merchant.example/webhook/singapay?source=paylink',
    inquiryCallbackUrl: null,
    clientId: 'client-123',
    displayName: null,
    logo: null,
    brandColor: null,
    supportEmail: null,
    supportPhone: null,
    createdAt: new Date('2025-10-01T00:00:00Z'),
    updatedAt: new Date('2025-10-01T00:00:00Z'),
    ...overrides,
  };
}

export function aLink(overrides: Partial<PaymentLink> = {}): PaymentLink {
  return {
    id: 189,
    accountId: '01K7P073Q8RE2A9PQT8Q7MXPN4',
    reffNo: 'INV-2025-0042',
    publicId: PUBLIC_ID,
    dialect: 'v1',
    title: 'Kaos polos',
    description: null,
    requiredCustomerDetail: true,
    requiredCustomerNumber: false,
    requiredCustomerEmail: false,
    maxUsage: 1000,
    currentUsage: 4,
    status: 'open',
    expiredAt: null,
    totalAmount: 10000,
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
    paymentDate: new Date('2025-11-05T09:09:49Z'),
    createdAt: new Date('2025-11-05T09:09:23Z'),
    updatedAt: new Date('2025-11-05T09:09:49Z'),
    ...overrides,
  };
}

export function aPayment(overrides: Partial<Payment> = {}): Payment {
  return {
    id: 7,
    reffNo: '18917720251110094037705',
    linkId: 189,
    accountId: '01K7P073Q8RE2A9PQT8Q7MXPN4',
    methodCode: 'VA_BRI',
    methodValue: '8888801234567890',
    qrString: null,
    connector: 'sandbox',
    gatewayRef: null,
    instrument: null,
    gatewayCheckedAt: null,
    amount: 10000,
    status: 'paid',
    customer: { name: 'Siti Aminah', email: 'siti@example.id', phone: '082291501085' },
    expiresAt: new Date('2025-11-11T02:40:37Z'),
    paidAt: new Date('2025-11-10T02:46:38Z'),
    settledAt: null,
    endedAt: null,
    createdAt: new Date('2025-11-10T02:40:37Z'),
    updatedAt: new Date('2025-11-10T02:46:38Z'),
    ...overrides,
  };
}
