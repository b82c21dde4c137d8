import fc from 'fast-check';
import { API_OPERATIONS, openApiDocument } from '../../server/http/openapi/api-operations.ts';
import type { Operation } from '../../server/http/openapi/operation.ts';
import { authOf, crossSite, otherHeaders, ownCredentials } from './hostile-headers.ts';
import {
  anyJsonText,
  byteSegment,
  deepJson,
  headerText,
  segment,
  strangeSegment,
  strayBody,
  unicodeSegment,
  withMembersText,
} from './hostile-values.ts';

/**
 * fast-check arbitraries of requests a client could send (SPEC §9: none may get a 5xx):
 * - to every documented operation, mostly with its own method, credentials and a body near its
 *   example, so that requests reach the handlers and their use cases; else anything;
 * - body fields of an operation nested 1…20,000 levels deep;
 * - a path, of an operation or a page, with a segment no route can read;
 * - the pages and paths under every prefix, with any method, headers and body.
 */

/** What the requests can name: a merchant's credentials and things it owns. */
export type FuzzTargets = {
  accountId: string;
  apiKey: string;
  clientId: string;
  clientSecret: string;
  token: string;
  adminToken: string;
  publicId: string;
  linkId: string;
  reffNo: string;
  v4Id: string;
};

export type HostileRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
};

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const PAGE_ROUTES = ['/', '/b2b/{public_id}', '/b2b/{public_id}/payments/{reff_no}', '/docs/api'];
const PREFIXES = ['/', '/b2b/', '/api/', '/api/v1.0/', '/api/v4/', '/sandbox/', '/docs/'];
const TEMPLATES = [...API_OPERATIONS.map((operation) => operation.path), ...PAGE_ROUTES];
const WITH_JSON_BODY = API_OPERATIONS.filter(
  (operation) => operation.body?.media['application/json'],
);

function realValues(targets: FuzzTargets): Record<string, string> {
  return {
    account_id: targets.accountId,
    payment_link_id: targets.linkId,
    history_id: '1',
    v4_id: targets.v4Id,
    public_id: targets.publicId,
    reff_no: targets.reffNo,
  };
}

/** The template with each parameter from `valueOf` (given its name and position). */
function fill(template: string, valueOf: (name: string, index: number) => string): string {
  let index = 0;
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => valueOf(name, index++));
}

const parameterCount = (template: string) => template.split('{').length - 1;

/** Mostly the real ids, each sometimes something else. */
function templatePath(template: string, targets: FuzzTargets) {
  const real = realValues(targets);
  const names = [...template.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => name);
  return fc
    .tuple(...names.map((name) => segment(real[name] ?? name)))
    .map((values) => fill(template, (_name, index) => values[index] ?? ''));
}

const query = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.constantFrom('lang', 'payment', 'page', 'per_page', 'status', 'search', 'x'),
          fc.oneof(byteSegment, unicodeSegment, fc.constantFrom('en', 'id', '1', '-1', 'open')),
        ),
        { maxLength: 3 },
      )
      .map((pairs) => `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}`),
  },
);

/** The top-level fields of an operation's JSON body, as the document names them. */
function fieldsOf(operation: Operation): string[] {
  const document = openApiDocument('https://pay.example.test');
  const item = document.paths[operation.path] as Record<string, any>;
  const schema = item[operation.method]?.requestBody?.content?.['application/json']?.schema;
  return [...Object.keys(schema?.properties ?? {}), 'x'];
}

/** The example with one member (a field of the body, or any name) set to any JSON text. */
function mutated(operation: Operation, valueText: fc.Arbitrary<string>) {
  const example = (operation.body?.example ?? {}) as object;
  const names = [...new Set([...Object.keys(example), ...fieldsOf(operation)])];
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  return fc.tuple(key, valueText).map(([name, text]) => withMembersText(example, [name], text));
}

function bodyFor(operation: Operation | null) {
  if (!operation?.body) return fc.option(strayBody, { nil: undefined });
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(JSON.stringify(operation.body.example ?? {})) },
    { weight: 5, arbitrary: mutated(operation, fc.oneof(anyJsonText, deepJson)) },
    { weight: 2, arbitrary: strayBody },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A method: mostly the operation's own. */
function methodFor(operation: Operation | null) {
  const own = operation?.method.toUpperCase();
  if (!own) return fc.constantFrom(...METHODS);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(own) },
    { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
  );
}

function pathFor(operation: Operation | null, targets: FuzzTargets) {
  const page = fc.constantFrom(...PAGE_ROUTES, '/sandbox', '/404', '/healthz');
  const stray = fc
    .tuple(fc.constantFrom(...PREFIXES), fc.array(segment('x'), { maxLength: 3 }))
    .map(([prefix, segments]) => `${prefix}${segments.join('/')}`);
  const path = operation
    ? templatePath(operation.path, targets)
    : fc.oneof(
        page.chain((template) => templatePath(template, targets)),
        stray,
      );
  return fc.tuple(path, query).map(([text, search]) => `${text}${search}`);
}

function requestFor(operation: Operation | null, targets: FuzzTargets) {
  return fc
    .record({
      method: methodFor(operation),
      path: pathFor(operation, targets),
      auth: authOf(operation, targets),
      headers: otherHeaders,
      site: crossSite,
      body: bodyFor(operation),
    })
    .map(({ method, path, auth, headers, site, body }): HostileRequest => {
      const request = { method, path, headers: { ...headers, ...site, ...auth } };
      const hasBody = body !== undefined && method !== 'GET' && method !== 'HEAD';
      return hasBody ? { ...request, body } : request;
    });
}

/** How many copies of this text fit in a body under 64 KiB (at least one). */
const fitting = (text: string) => Math.max(1, Math.floor(60_000 / (text.length + 24)));

/**
 * An operation's own request with some of its body fields nested 1…20,000 levels deep: the
 * schema checks every field, so a few at once reach each field's checks.
 */
function deeplyNested(targets: FuzzTargets) {
  return fc.constantFrom(...WITH_JSON_BODY).chain((operation) =>
    fc
      .tuple(
        fc.subarray(fieldsOf(operation), { minLength: 1 }),
        deepJson,
        fc.option(headerText, { nil: undefined }),
      )
      .map(([fields, valueText, idempotencyKey]): HostileRequest => {
        const real = realValues(targets);
        const example = (operation.body?.example ?? {}) as object;
        const headers = {
          'content-type': 'application/json',
          ...ownCredentials(operation, targets),
        };
        return {
          method: operation.method.toUpperCase(),
          path: fill(operation.path, (name) => real[name] ?? name),
          headers: idempotencyKey ? { ...headers, 'idempotency-key': idempotencyKey } : headers,
          // As many fields as fit in the 64 KiB body limit (SPEC §3), so most are read.
          body: withMembersText(example, fields.slice(0, fitting(valueText)), valueText),
        };
      }),
  );
}

/** An operation's or page's path with one segment no route can read (or appended to it). */
function strangePath(targets: FuzzTargets) {
  return fc
    .tuple(fc.constantFrom(...TEMPLATES), fc.nat(), strangeSegment, fc.constantFrom(...METHODS))
    .map(([template, pick, strange, method]): HostileRequest => {
      const real = realValues(targets);
      const count = parameterCount(template);
      const at = pick % (count + 1);
      const path = fill(template, (name, index) => (index === at ? strange : (real[name] ?? name)));
      const operation = API_OPERATIONS.find((candidate) => candidate.path === template) ?? null;
      return {
        method,
        path: at === count ? `${path}${strange}` : path,
        headers: ownCredentials(operation, targets),
      };
    });
}

/** A request as a client could send it. */
export function hostileRequest(targets: FuzzTargets): fc.Arbitrary<HostileRequest> {
  const anyOperation = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...API_OPERATIONS) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  return fc.oneof(
    { weight: 4, arbitrary: anyOperation.chain((operation) => requestFor(operation, targets)) },
    { weight: 2, arbitrary: deeplyNested(targets) },
    { weight: 1, arbitrary: strangePath(targets) },
  );
}
