/**
 * The names customers know a gateway's e-wallets and convenience stores by (SPEC §10), for
 * the page's button ("Buka GoPay") and the mails; the same whichever catalog lists them.
 */
export type StoreKind = 'alfamart' | 'indomaret';

const WALLET_APPS: Readonly<Record<string, string>> = { GOPAY: 'GoPay', SHOPEEPAY: 'ShopeePay' };

const STORES: Readonly<Record<StoreKind, { code: string; name: string }>> = {
  alfamart: { code: 'ALFAMART', name: 'Alfamart' },
  indomaret: { code: 'INDOMARET', name: 'Indomaret' },
};

/** The wallet app's name for a catalog code (`GOPAY` → `GoPay`), else the given name. */
export function walletAppName(methodCode: string, fallback: string): string {
  return WALLET_APPS[methodCode] ?? fallback;
}

/** The store's name as its signs spell it (`Alfamart`). */
export function storeName(store: StoreKind): string {
  return STORES[store].name;
}

/** Which store a catalog code pays at (`ALFAMART` → `alfamart`), or null. */
export function storeOfMethod(methodCode: string): StoreKind | null {
  const found = Object.entries(STORES).find(([, store]) => store.code === methodCode);
  return found ? (found[0] as StoreKind) : null;
}
