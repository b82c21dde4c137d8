import fc from 'fast-check';
import type { Operation, SecurityScheme } from '../../server/http/openapi/operation.ts';
import { headerText } from './hostile-values.ts';
import type { FuzzTargets } from './hostile-requests.ts';

/** The headers hostile-requests.ts sends: credentials, content types, the rest. */

/** The headers of the operation's first way to authenticate. */
export function ownCredentials(operation: Operation | null, targets: FuzzTargets) {
  const basic = Buffer.from(`${targets.clientId}:${targets.clientSecret}`).toString('base64');
  const bySchema: Record<SecurityScheme, Record<string, string>> = {
    accessToken: { authorization: `Bearer ${targets.token}` },
    partnerId: { 'x-partner-id': targets.apiKey },
    clientCredentials: { authorization: `Basic ${basic}` },
    clientId: { 'x-client-id': targets.clientId },
    signature: {},
    adminToken: { authorization: `Bearer ${targets.adminToken}` },
  };
  const schemes = operation?.security?.[0] ?? [];
  return Object.assign({}, ...schemes.map((scheme) => bySchema[scheme])) as Record<string, string>;
}

/** The operation's own credentials, mostly; else none, or garbled ones. */
export function authOf(operation: Operation | null, targets: FuzzTargets) {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(ownCredentials(operation, targets)) },
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: headerText.map((text) => ({ authorization: text })) },
    {
      weight: 1,
      arbitrary: headerText.map((text) => ({
        authorization: `Basic ${Buffer.from(text).toString('base64')}`,
        'x-partner-id': text,
      })),
    },
  );
}

const CONTENT_TYPES = [
  'application/vnd.api+json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'text/plain',
];

/** Headers beside the credentials, each present or not. */
export const otherHeaders = fc.record(
  {
    'content-type': fc.oneof(
      { weight: 8, arbitrary: fc.constant('application/json') },
      { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
      { weight: 1, arbitrary: headerText },
    ),
    'idempotency-key': headerText,
    'accept-language': headerText,
    cookie: headerText.map((text) => `lang=${text}`),
    'last-event-id': headerText,
    'if-none-match': headerText,
    'x-signature': headerText,
  },
  { requiredKeys: [] },
);

/** Mostly none (a server-side client), sometimes another site's (a CSRF attempt). */
export const crossSite = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.constant({ origin: 'https://evil.example' }) },
  { weight: 1, arbitrary: fc.constant({ origin: 'null', 'sec-fetch-site': 'cross-site' }) },
);
