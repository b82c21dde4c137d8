import type { Account } from './account.ts';

/**
 * The name customers see (SPEC §7): the link's own display name, else the account's display
 * name, else the account's name.
 */
export function merchantNameOf(
  link: { displayName: string | null },
  account: Pick<Account, 'displayName' | 'name'>,
): string {
  return link.displayName ?? account.displayName ?? account.name;
}

export type MerchantContact = { email: string | null; phone: string | null };

/**
 * Where a customer reaches the merchant (SPEC §7, §9): the support contact, else the
 * account's own email and phone. Each part falls back on its own.
 */
export function merchantContactOf(
  account: Pick<Account, 'supportEmail' | 'supportPhone' | 'email' | 'phone'>,
): MerchantContact {
  return {
    email: account.supportEmail ?? account.email,
    phone: account.supportPhone ?? account.phone,
  };
}
