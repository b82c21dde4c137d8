import type { Operation } from '../openapi/operation.ts';

const common = { tag: 'Checkout', errorStyle: 'envelope' } as const;
const CACHING = {
  'Cache-Control': '`public, max-age=31536000, immutable`: the name is the content.',
};

/** SPEC §7, §9 "Branding", as brand-asset-routes.ts answers them; the page links to them. */
export const brandAssetOperations: readonly Operation[] = [
  {
    ...common,
    method: 'get',
    path: '/b2b/assets/logo/{account_id}/{logo_file}',
    summary: 'A merchant’s logo, from Paylink’s own origin',
    description:
      'The admin API answers this address as `logo_url`; a replaced logo’s old name is a 404.',
    replies: {
      200: {
        description: 'The image, as it was uploaded.',
        media: ['image/png', 'image/jpeg', 'image/webp'],
        headers: CACHING,
      },
    },
    failures: ['NOT_FOUND'],
  },
  {
    ...common,
    method: 'get',
    path: '/b2b/assets/brand/{brand_file}',
    summary: 'The stylesheet that gives the pay button a merchant’s brand colour',
    description:
      'Only for a colour under which white text has a contrast of at least 4.5:1; any other ' +
      'name is a 404.',
    replies: { 200: { description: 'The stylesheet.', media: 'text/css', headers: CACHING } },
    failures: ['NOT_FOUND'],
  },
];
