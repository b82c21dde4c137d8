import type { Customer } from '../payment-link/payment-link.ts';
import type { PaymentMethod } from '../payment-method/catalog.ts';

/**
 * The seam between Paylink and whatever issues payment instruments (SPEC §10): the sandbox
 * bank of SPEC §8, or a gateway such as Midtrans. A connector starts an instrument for a
 * payment, closes it, reads its status and verifies the gateway's notifications; every state
 * change still goes through the domain (receivePayment, settle, expire, cancel), so usage,
 * callbacks, mails and their order are the same whichever connector is used.
 */
export type PaymentConnector = {
  /** The PAYMENT_PROVIDER value; stored on each payment it issued. */
  name: string;
  /**
   * Whether instruments live at a gateway: then Paylink closes them there when it ends a
   * payment, and checks pending ones by status when notifications are late.
   */
  isRemote: boolean;
  /** What this connector can offer (SPEC §5 rules: codes, groups, limits, expiries, names). */
  catalog: readonly PaymentMethod[];
  /** Creates the instrument for one payment; never throws for a gateway's failure. */
  issue: (request: InstrumentRequest) => Promise<IssueOutcome>;
  /** Ends an instrument at the gateway so that it refuses money. */
  close: (orderId: string, action: CloseAction) => Promise<CloseOutcome>;
  /** The gateway's own view of an order (the truth a notification is checked against). */
  status: (orderId: string) => Promise<GatewayState | 'unavailable'>;
  /** Verifies a notification's body; which order it is about, or why it is not believed. */
  readNotification: (body: unknown) => NotificationOutcome;
};

export type InstrumentRequest = {
  /** The payment's reff_no: the gateway's order id, so a retry cannot make a second order. */
  reffNo: string;
  method: PaymentMethod;
  /** Whole rupiah. */
  amount: number;
  now: Date;
  /** The payment's deadline (never past the link's expired_at): the instrument's expiry. */
  expiresAt: Date;
  merchantName: string;
  customer: Customer | null;
  /** Where a wallet app sends the customer back to: the payment's own page. */
  returnUrl: string;
};

/**
 * What the customer pays with. `value` is the VA number, Mandiri bill key or store payment
 * code; for QRIS and e-wallets the payment's reference. `qrString` is text a phone scans.
 */
export type Instrument = {
  value: string;
  qrString: string | null;
  /** The gateway's own id for the order (Midtrans transaction_id); null for the sandbox. */
  gatewayRef: string | null;
  details: InstrumentDetails | null;
};

/** What some channels need beyond a number or a QR text; stored with the payment. */
export type InstrumentDetails =
  /** Mandiri bill payment: the company (biller) code entered before the bill key. */
  | { kind: 'bill'; billerCode: string }
  /** An e-wallet: the app opens by the deep link; a wide screen shows the gateway's QR. */
  | { kind: 'ewallet'; deeplinkUrl: string; qrImageUrl: string | null }
  /** A convenience store: the cashier takes the payment code (`value`). */
  | { kind: 'store'; store: 'alfamart' | 'indomaret' }
  /** A QRIS whose text the gateway did not give: only its image. */
  | { kind: 'qr-image'; qrImageUrl: string };

export type IssueOutcome =
  | { ok: true; instrument: Instrument }
  | {
      ok: false;
      /** `unavailable`: the gateway failed or timed out; `refused`: it said no (amount, channel). */
      reason: 'unavailable' | 'refused';
      message: string;
      /**
       * The order may exist at the gateway (a timeout after sending the charge): it must be
       * closed there, because the customer will try again under a new reference.
       */
      mayExist: boolean;
    };

export type CloseAction = 'cancel' | 'expire';

/** `closed`: it refuses money now; `final`: it had already ended (or was paid); `missing`: never made. */
export type CloseOutcome = 'closed' | 'final' | 'missing' | 'unavailable';

export type GatewayState =
  | { kind: 'pending' }
  /**
   * Money taken: `paidAt` is the gateway's time of payment; `gatewayRef` its own id for the
   * order (Midtrans transaction_id), which a refund at the gateway names.
   */
  | { kind: 'paid'; amount: number; paidAt: Date; gatewayRef: string | null }
  | { kind: 'ended'; as: 'expired' | 'cancelled' }
  /** Paid, then taken back by the provider (Midtrans `deny` after `settlement`). */
  | { kind: 'reversed' }
  /** The gateway does not know the order. */
  | { kind: 'missing' };

export type NotificationOutcome =
  { ok: true; orderId: string } | { ok: false; reason: 'unverified' | 'malformed' };
