import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/messages.ts';
import { linkPreview } from './link-preview.ts';

describe('linkPreview', () => {
  const link = { title: 'Kue lapis', merchantName: 'Toko Kue Bu Sri', total: 177_300 };

  it('names the title, the merchant and the amount, in the page language', () => {
    expect(linkPreview(translator('id'), link)).toEqual({
      title: 'Kue lapis',
      description: 'Pembayaran ke Toko Kue Bu Sri: Rp 177.300',
      siteName: 'Toko Kue Bu Sri',
    });
    expect(linkPreview(translator('en'), link).description).toBe(
      'Payment to Toko Kue Bu Sri: Rp 177.300',
    );
  });
});
