const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The WHATWG URL parser silently drops tabs and newlines and trims spaces and C0 controls
 * (URL Standard §4.4), so a value can parse cleanly yet carry `\r\n` into a Location header
 * later. Such characters must be percent-encoded in a real URL; raw, they are refused.
 */
function hasRawControlOrSpace(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * SPEC §3.2: an absolute https URL (http only for loopback hosts), at most 2048 characters,
 * without user-info. Anything else (`javascript:`, relative paths…) is refused.
 */
export function isAllowedCallbackUrl(value: string): boolean {
  if (value.length > 2048 || hasRawControlOrSpace(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '' || url.hostname === '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}
