import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Hono } from 'hono';
import { openApiDocument } from '../../server/http/openapi/api-operations.ts';

/**
 * Holds every answer of the in-process app to the OpenAPI document: the route must be
 * described there, with this status, and a JSON body must match the documented schema.
 * test-paylink.ts watches each app it creates; conformance-setup.ts fails the test that got
 * an answer the document does not describe.
 */

type OpenApi = ReturnType<typeof openApiDocument>;
type Documented = { method: string; template: string; pattern: RegExp; responses: Responses };
type Responses = Record<string, { content?: Record<string, unknown>; headers?: object }>;

export type Answer = {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: string;
  headers: Headers;
};

/** `/b2b/{public_id}/status` → `^/b2b/[^/]+/status$`. */
function patternOf(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\{\w+\}/g, '[^/]+')}$`);
}

/** A JSON Pointer (RFC 6901) from its unescaped parts. */
export const jsonPointer = (...parts: string[]) =>
  parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * Hono's own 404 when a page read or a refused form post is handed on to the pages, which
 * in-process tests run without (a HEAD answer is the same without its body).
 */
function isHandedToPages(answer: Answer): boolean {
  const body = answer.method === 'HEAD' ? '' : '404 Not Found';
  return answer.status === 404 && answer.contentType === 'text/plain' && answer.body === body;
}

export function createConformance(document: OpenApi = openApiDocument('https://pay.example.test')) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(document, 'openapi.json');
  // A literal segment wins over a template (OpenAPI 3.1 §4.8.8): fewest parameters first.
  const operations: Documented[] = Object.entries(document.paths)
    .flatMap(([template, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method,
        template,
        pattern: patternOf(template),
        responses: (operation as { responses: Responses }).responses,
      })),
    )
    .sort((a, b) => a.template.split('{').length - b.template.split('{').length);
  const validators = new Map<string, ValidateFunction>();

  const validatorFor = (operation: Documented, status: number) => {
    const pointer = jsonPointer(
      'paths',
      operation.template,
      operation.method,
      'responses',
      String(status),
      'content',
      'application/json',
      'schema',
    );
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.getSchema(`openapi.json#/${pointer}`);
      if (!validate) throw new Error(`No schema at ${pointer}`);
      validators.set(pointer, validate);
    }
    return validate;
  };

  /** What is wrong with this answer by the document, or null. */
  const problemOf = (answer: Answer): string | null => {
    const method = answer.method === 'HEAD' ? 'get' : answer.method.toLowerCase();
    const operation = operations.find(
      (candidate) => candidate.method === method && candidate.pattern.test(answer.path),
    );
    const call = `${answer.method} ${answer.path} → ${answer.status}`;
    // Unknown paths and methods are refused (404, 405; v4 asks for credentials first).
    const isRefusal = answer.status >= 400 && answer.status < 500;
    if (!operation) return isRefusal ? null : `${call}: not in the document`;
    if (isHandedToPages(answer)) return null;
    const response = operation.responses[String(answer.status)];
    if (!response) return `${call}: status not documented`;
    const media = Object.keys(response.content ?? {});
    if (media.length === 0) {
      return answer.body === '' ? null : `${call}: a body where the document has none`;
    }
    if (!media.includes(answer.contentType)) {
      return `${call}: ${answer.contentType} where the document has ${media.join(', ')}`;
    }
    // A HEAD answer is a GET's without its body (RFC 9110 §9.3.2): nothing to validate.
    if (answer.contentType !== 'application/json' || answer.method === 'HEAD') return null;
    const validate = validatorFor(operation, answer.status);
    if (validate(JSON.parse(answer.body))) return null;
    const errors = (validate.errors ?? []).slice(0, 3);
    return `${call}: body does not match ${operation.template}: ${ajv.errorsText(errors)}`;
  };

  return { problemOf };
}

const problems: string[] = [];
let shared: ReturnType<typeof createConformance> | undefined;

/** Checks every answer of this app against the document; problems wait in takeProblems(). */
export function watchAnswers(app: Hono) {
  const fetch = app.fetch;
  app.fetch = async (request, ...rest) => {
    const response = await fetch(request, ...rest);
    const contentType = response.headers.get('content-type') ?? '';
    // An event stream stays open: its status and media type are checked, not its body.
    const isStream = contentType.startsWith('text/event-stream');
    const copy = isStream ? null : response.clone();
    const answer: Answer = {
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      contentType: (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '',
      body: !copy
        ? '(event stream)'
        : contentType.startsWith('image/')
          ? `(${(await copy.arrayBuffer()).byteLength} bytes)`
          : await copy.text(),
      headers: response.headers,
    };
    shared ??= createConformance();
    const problem = shared.problemOf(answer);
    if (problem) problems.push(problem);
    return response;
  };
}

/** The problems found since the last call (conformance-setup.ts calls it after each test). */
export function takeProblems(): string[] {
  return problems.splice(0);
}
