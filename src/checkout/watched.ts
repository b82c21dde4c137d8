/**
 * A page that reloads itself to show a change it was watching (the live status script, the
 * no-JS refresh of a waiting page, its "Refresh status" link) asks for `?live=1`. Only such a
 * page sends the customer back to the merchant by itself after a payment or an expiry; the
 * same page opened later offers a button instead (docs/decisions/023).
 */
export const WATCHED_PARAM = 'live';

/** True when the address is a page reloaded to show a change it was watching. */
export function isWatched(searchParams: URLSearchParams): boolean {
  return searchParams.get(WATCHED_PARAM) === '1';
}

/** The address of `path` reloaded to show a watched change; any `?lang=` is not repeated. */
export function watchedPath(path: string): string {
  return `${path}?${WATCHED_PARAM}=1`;
}

/** The page's own address as a watched reload: its other parameters kept, `live=1` added. */
export function watchedHref(href: string): string {
  const url = new URL(href);
  url.searchParams.set(WATCHED_PARAM, '1');
  url.hash = '';
  return url.href;
}

/** The address without the marker: what a reload or the back button should ask for later. */
export function unwatchedHref(href: string): string {
  const url = new URL(href);
  url.searchParams.delete(WATCHED_PARAM);
  return url.href;
}
