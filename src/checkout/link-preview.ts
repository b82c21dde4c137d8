import { formatRupiah } from '../i18n/format.ts';
import type { Translate } from '../i18n/messages.ts';

/** What a chat app shows when a link is shared (Page.astro's Open Graph and Twitter tags). */
export type LinkPreview = { title: string; description: string; siteName: string };

/**
 * SPEC §7: `og:title` is the link's title, `og:description` the merchant and the amount,
 * `og:site_name` the merchant.
 */
export function linkPreview(
  t: Translate,
  link: { title: string; merchantName: string; total: number },
): LinkPreview {
  return {
    title: link.title,
    description: t('previewDescription', {
      merchant: link.merchantName,
      amount: formatRupiah(link.total),
    }),
    siteName: link.merchantName,
  };
}
