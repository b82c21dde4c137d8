import type { Account } from '../domain/account/account.ts';
import type { LogoMeta } from '../domain/account/logo-image.ts';
import { merchantNameOf } from '../domain/account/merchant-identity.ts';
import { brandStylesheetPath, logoPath } from './brand-assets.ts';
import type { MerchantIdentity } from './checkout-types.ts';
import { merchantContact } from './merchant-contact.ts';

/** SPEC §7: the logo is shown at most 48 px high. */
export const LOGO_MAX_HEIGHT = 48;

/** The logo's size on the page: its own, or scaled down to LOGO_MAX_HEIGHT, never up. */
export function logoDisplaySize(logo: Pick<LogoMeta, 'width' | 'height'>) {
  const height = Math.min(logo.height, LOGO_MAX_HEIGHT);
  return { width: Math.max(1, Math.round((logo.width * height) / logo.height)), height };
}

/** Who the customer pays, as the checkout views show it (SPEC §7, §9 "Branding"). */
export function merchantIdentityOf(
  link: { displayName: string | null },
  account: Account,
): MerchantIdentity {
  return {
    name: merchantNameOf(link, account),
    logo: account.logo
      ? { url: logoPath(account.id, account.logo), ...logoDisplaySize(account.logo) }
      : null,
    brandStylesheet: brandStylesheetPath(account.brandColor),
    contact: merchantContact(account),
  };
}
