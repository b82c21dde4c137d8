import type { IncomingMessage } from 'node:http';

/** At most three comma-separated URLs per header (A.1); anything not http(s) is skipped. */
function urlList(header: string | string[] | undefined): string[] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => URL.canParse(part) && /^https?:$/.test(new URL(part).protocol))
    .slice(0, 3);
}

/**
 * Where a charge's notifications go (A.1): `X-Override-Notification` replaces the dashboard
 * URL and wins over `X-Append-Notification`, which adds to it.
 */
export function notificationUrlsFor(request: IncomingMessage, dashboardUrl: string | null) {
  const override = urlList(request.headers['x-override-notification']);
  if (override.length > 0) return override;
  const append = urlList(request.headers['x-append-notification']);
  return [...(dashboardUrl === null ? [] : [dashboardUrl]), ...append];
}
