/** Knobs that shape notifications from now on (each off by default). */
export type NotificationMode = {
  /** Record notifications but never send them: a lost notification. */
  drop: boolean;
  /** Send every notification twice. */
  duplicate: boolean;
  /** Sign with the wrong key. */
  badSignature: boolean;
  /** On payment, send `settlement` first and a stale pending `"201"` after it. */
  outOfOrder: boolean;
  /** Wait this long before the first try of each notification. */
  delayMs: number;
};

/** Faults for `POST /v2/charge`, consumed one per charge. */
export type ChargeFault =
  | 'http500'
  | 'http503'
  /** Never answer and create nothing: the request is lost on the way in. */
  | 'timeout-before-create'
  /** Create the order, then never answer: a retry must not make a second instrument. */
  | 'timeout-after-create'
  /** Answer normally after `slowChargeMs`: the window in which a retry with the same key gets 202. */
  | 'slow';

/** Faults for `GET /v2/{id}/status`, consumed one per status request. */
export type StatusFault = 'http500' | 'timeout';

/** Faults for `POST /v2/{id}/cancel` and `/expire`, consumed one per call: the order stays as it is. */
export type CloseFault = 'http500' | 'timeout';

export type QrStringPolicy = 'always' | 'never';

export type MidtransEmulatorOptions = {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  serverKey?: string;
  merchantId?: string;
  /** The dashboard's "Payment Notification URL"; none by default. */
  notificationUrl?: string;
  /** Waits before retry 1, 2, …; Midtrans waits about 2, 10, 30, 90, 210 minutes. */
  retryDelaysMs?: number[];
  /** How long a notification receiver may take to answer (Midtrans: 15 s). */
  notificationTimeoutMs?: number;
  /** Whether a QRIS charge answer carries `qr_string` (the docs show both). */
  qrStringPolicy?: QrStringPolicy;
  /** The emulator's clock (epoch ms): transaction, settlement and expiry times come from it. */
  now?: () => number;
  /** How long a request held by a timeout fault stays open before its socket is closed. */
  hangUpAfterMs?: number;
  /** How long a charge with the `slow` fault takes. */
  slowChargeMs?: number;
};

export type ResolvedOptions = Required<Omit<MidtransEmulatorOptions, 'notificationUrl'>> & {
  notificationUrl: string | null;
};

export const DEFAULT_SERVER_KEY = 'SB-Mid-server-emulator';

export function resolveOptions(options: MidtransEmulatorOptions): ResolvedOptions {
  return {
    port: options.port ?? 0,
    serverKey: options.serverKey ?? DEFAULT_SERVER_KEY,
    merchantId: options.merchantId ?? 'G000000000',
    notificationUrl: options.notificationUrl ?? null,
    retryDelaysMs: options.retryDelaysMs ?? [50, 200, 500, 1000, 2000],
    notificationTimeoutMs: options.notificationTimeoutMs ?? 3000,
    qrStringPolicy: options.qrStringPolicy ?? 'always',
    now: options.now ?? Date.now,
    hangUpAfterMs: options.hangUpAfterMs ?? 30_000,
    slowChargeMs: options.slowChargeMs ?? 1000,
  };
}

export const NORMAL_NOTIFICATIONS: NotificationMode = {
  drop: false,
  duplicate: false,
  badSignature: false,
  outOfOrder: false,
  delayMs: 0,
};
