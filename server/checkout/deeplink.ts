/** Schemes that run or embed content instead of navigating: never a wallet's deep link. */
const REFUSED_SCHEMES = new Set([
  'javascript:',
  'vbscript:',
  'data:',
  'blob:',
  'file:',
  'filesystem:',
  'about:',
]);

/**
 * A gateway's wallet deep link, fit to be the page's link (SPEC §10): an absolute URL whose
 * scheme navigates, https or the wallet app's own (`gojek://`, `intent://`); null otherwise.
 * The gateway is trusted with money, not with what runs in the customer's page.
 */
export function safeDeeplink(url: string): string | null {
  // eslint-disable-next-line no-control-regex -- a control character never belongs in a link
  if (url.length > 2048 || /[\s\u0000-\u001f]/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return REFUSED_SCHEMES.has(parsed.protocol) ? null : url;
}
