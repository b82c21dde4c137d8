import { isIP } from 'node:net';

/**
 * MAIL_FROM when it is unset: `no-reply@` the host customers know, from PUBLIC_BASE_URL, so a
 * deployed server never sends as `localhost` (a mail that looks like phishing, and that
 * receivers' SPF/DMARC checks refuse). Only a host without a domain (an IP address,
 * `localhost`, a bare machine name) keeps `localhost`: there is no domain to send as.
 */
export function defaultMailFrom(publicBaseUrl: string): string {
  const host = new URL(publicBaseUrl).hostname.replace(/\.$/, '').toLowerCase();
  const hasDomain = host.includes('.') && isIP(host.replace(/^\[|\]$/g, '')) === 0;
  return `Paylink <no-reply@${hasDomain ? host : 'localhost'}>`;
}
