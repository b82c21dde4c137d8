/**
 * The payment-method catalog (SPEC §5): plain data. How a method issues a VA number or a QRIS
 * payload lives in its connector (server/connectors/); each connector has its own catalog,
 * and the catalog says what is offered, for which amounts, how long.
 */
/** In the order the page lists them; e-wallets and stores come from gateway connectors (§10). */
export const METHOD_GROUPS = ['qris', 'va', 'ewallet', 'cstore'] as const;
export type MethodGroup = (typeof METHOD_GROUPS)[number];

export type PaymentMethod = {
  code: string;
  group: MethodGroup;
  /** As in the histories API (`"VA BRI"`). */
  name: string;
  /** What the customer reads on the page (`"Bank Rakyat Indonesia"`). */
  displayName: string;
  minAmount: number;
  maxAmount: number;
  /** How long one payment stays payable, before the link's own expiry caps it. */
  expirySeconds: number;
  enabled: boolean;
};

const DAY = 24 * 60 * 60;

function va(code: string, displayName: string, maxAmount: number): PaymentMethod {
  const bank = code.slice(3);
  return {
    code,
    group: 'va',
    name: `VA ${bank}`,
    displayName,
    minAmount: 10_000,
    maxAmount,
    expirySeconds: DAY,
    enabled: true,
  };
}

/** SPEC §5 defaults, in the order the page lists them. */
export const DEFAULT_CATALOG: readonly PaymentMethod[] = [
  {
    code: 'QRIS',
    group: 'qris',
    name: 'QRIS',
    displayName: 'QRIS',
    minAmount: 1_000,
    maxAmount: 10_000_000,
    expirySeconds: 30 * 60,
    enabled: true,
  },
  va('VA_BCA', 'BCA', 20_000_000),
  va('VA_BNI', 'BNI', 250_000_000),
  va('VA_BRI', 'BRI', 250_000_000),
  va('VA_MANDIRI', 'Mandiri', 100_000_000),
  va('VA_PERMATA', 'Permata', 100_000_000),
  va('VA_CIMB', 'CIMB Niaga', 100_000_000),
  va('VA_DANAMON', 'Danamon', 100_000_000),
  va('VA_MAYBANK', 'Maybank', 100_000_000),
  va('VA_BSI', 'BSI', 100_000_000),
];

export type Catalog = {
  all: readonly PaymentMethod[];
  find: (code: string) => PaymentMethod | undefined;
};

export function createCatalog(methods: readonly PaymentMethod[] = DEFAULT_CATALOG): Catalog {
  const byCode = new Map(methods.map((method) => [method.code, method]));
  return { all: methods, find: (code) => byCode.get(code) };
}

/** Whether a method takes a payment of this many rupiah. */
export function acceptsAmount(method: PaymentMethod, amount: number): boolean {
  return method.enabled && amount >= method.minAmount && amount <= method.maxAmount;
}

/**
 * The methods a link offers (SPEC §5): whitelisted (all when null or empty), enabled, and
 * whose limits include the amount; in catalog order.
 */
export function offeredMethods(
  catalog: Catalog,
  whitelist: readonly string[] | null,
  amount: number,
): PaymentMethod[] {
  const allowed = whitelist && whitelist.length > 0 ? new Set(whitelist) : null;
  return catalog.all.filter(
    (method) => (allowed === null || allowed.has(method.code)) && acceptsAmount(method, amount),
  );
}
