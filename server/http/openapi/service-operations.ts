import * as v from 'valibot';
import type { Operation } from './operation.ts';

export const HealthSchema = v.union([
  v.strictObject({ status: v.literal('ok') }),
  v.strictObject({ status: v.literal('unavailable'), reason: v.string() }),
]);

/** `/healthz` (app.ts) and this document (api-reference-routes.ts). */
export const serviceOperations: readonly Operation[] = [
  {
    tag: 'Service',
    method: 'get',
    path: '/healthz',
    summary: 'Health check',
    description: 'Answers 200 while the database answers, else 503.',
    replies: {
      200: { description: 'Serving.', json: HealthSchema },
      503: {
        description: 'The database does not answer.',
        json: HealthSchema,
        headers: { 'Retry-After': 'Seconds to wait before asking again.' },
      },
    },
    failures: [],
    errorStyle: 'envelope',
  },
  {
    tag: 'Service',
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    description: 'Generated from the schemas the handlers validate with and answer by.',
    replies: {
      200: {
        description: 'The document.',
        json: v.pipe(v.looseObject({ openapi: v.literal('3.1.0') }), v.title('OpenApiDocument')),
      },
    },
    failures: [],
    errorStyle: 'envelope',
  },
];
