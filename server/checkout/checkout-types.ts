import type { InstructionBlock, Lang, WalletScan } from '../domain/payment-instructions/index.ts';
import type { CustomerField } from '../domain/payment/bound-customer.ts';
import type { PaymentStatus } from '../domain/payment/payment.ts';
import type { MethodGroup } from '../domain/payment-method/catalog.ts';
import type { MerchantContact } from './merchant-contact.ts';
import type { ReturnStatus } from './redirect-url.ts';

export type { InstructionBlock, Lang, WalletScan };

/** What the link page shows; `paid` is a used-up single-use link (its receipt). */
export type LinkState = 'open' | 'expired' | 'closed' | 'paid';

export type ItemLine = {
  name: string;
  quantity: number;
  unitPrice: number;
  subtotal: number;
  isDiscount: boolean;
};

export type MethodOption = { code: string; group: MethodGroup; label: string; fullName: string };

export type Receipt = {
  paymentReffNo: string;
  methodName: string;
  amount: number;
  /** ISO 8601 with +07:00. */
  paidAt: string;
  /** Where the receipt mail went, masked (`b***@example.com`); null when none was sent. */
  emailedTo: string | null;
};

export type ReturnToMerchant = {
  url: string;
  status: ReturnStatus;
  /** The countdown that sends the customer there by itself, or only a button (way-back.ts). */
  isAutomatic: boolean;
};

/** Why a link takes no more payments: its merchant closed it, or it reached max_usage. */
export type ClosedReason = 'merchant' | 'used_up';

/**
 * Who is paid, as every view shows it (SPEC §7, §9 "Branding"). The logo comes from our own
 * origin, sized to at most 48 px high; the brand stylesheet is set only when white text on
 * the colour is readable.
 */
export type MerchantIdentity = {
  name: string;
  logo: { url: string; width: number; height: number } | null;
  /** A same-origin stylesheet giving the primary button the brand colour, or null. */
  brandStylesheet: string | null;
  /** The support contact, else the account's email and phone; null when neither is known. */
  contact: MerchantContact | null;
};

/** The header every checkout view shares: who is paid, for what, how much. */
export type LinkSummary = {
  publicId: string;
  linkReffNo: string;
  /** The same as `merchant.name`. */
  merchantName: string;
  merchant: MerchantIdentity;
  title: string;
  description: string | null;
  items: ItemLine[] | null;
  total: number;
  /** ISO 8601 with +07:00, or null for a link that never expires. */
  expiresAt: string | null;
  sandbox: boolean;
};

export type LinkPageView = LinkSummary & {
  state: LinkState;
  /** Set when `state` is `closed`. */
  closedReason: ClosedReason | null;
  /** The link asks for the customer's details (SPEC §7 `required_customer_detail`). */
  requiresCustomer: boolean;
  /** The details the merchant bound the link to: shown, never asked (docs/decisions/016). */
  boundCustomer: { name: string | null; email: string | null; phone: string | null } | null;
  /** The details the form asks for: the required ones the merchant did not give. */
  askedCustomerFields: CustomerField[];
  methodGroups: { group: MethodGroup; methods: MethodOption[] }[];
  receipt: Receipt | null;
  returnToMerchant: ReturnToMerchant | null;
};

/**
 * An e-wallet payment (SPEC §10): a phone opens the app by the gateway's deep link (null when
 * it gave none, or one that is not safe to link to); a wide screen shows the QR code at
 * `qr.pngUrl`, read with the wallet app's scanner or, when it holds only the deep link, with
 * any phone camera.
 */
export type WalletView = {
  appName: string;
  deeplinkUrl: string | null;
  qr: { pngUrl: string; scanWith: WalletScan } | null;
};

/** A convenience-store payment: the code the cashier takes, as given and grouped for reading. */
export type StoreView = { storeName: string; code: string; grouped: string };

export type PaymentPageView = LinkSummary & {
  linkState: 'open' | 'expired' | 'closed';
  /** Set when `linkState` is `closed`. */
  closedReason: ClosedReason | null;
  payment: {
    reffNo: string;
    methodCode: string;
    methodName: string;
    group: MethodGroup;
    status: PaymentStatus;
    amount: number;
    expiresAt: string;
    va: {
      /** The VA number, or a Mandiri bill's bill key. */
      number: string;
      grouped: string;
      bankName: string;
      /** The name the bank shows when the number is entered: what to check against. */
      holderName: string;
      /** A Mandiri bill payment's company (biller) code, entered before the bill key; else null. */
      billerCode: string | null;
    } | null;
    /**
     * A QRIS code drawn from its text (`svg`, `payload`; `nmid` is the national merchant id
     * inside it, tag 51/02, a QRIS cue), or only the gateway's image of it, served from our
     * own origin at `pngUrl` (then `svg`, `payload` and `nmid` are null).
     */
    qr: { svg: string | null; pngUrl: string; payload: string | null; nmid: string | null } | null;
    wallet: WalletView | null;
    store: StoreView | null;
    instructions: InstructionBlock[];
  };
  receipt: Receipt | null;
  returnToMerchant: ReturnToMerchant | null;
};

/** How the page was reached. */
export type PageRequest = {
  /** The page reloaded itself to show a change it was watching (src/checkout/watched.ts). */
  isWatched?: boolean;
};

export type CheckoutReader = {
  /** The link page; null for an unknown link (the page answers 404 and reveals nothing). */
  linkPage: (publicId: string, request?: PageRequest) => Promise<LinkPageView | null>;
  /** One payment of the link; null when the link or payment is unknown or they do not match. */
  paymentPage: (
    publicId: string,
    reffNo: string,
    lang: Lang,
    request?: PageRequest,
  ) => Promise<PaymentPageView | null>;
};
