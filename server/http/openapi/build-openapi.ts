import type { JsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import type { ErrorCode } from '../../domain/shared/result.ts';
import { failureEnvelope } from '../envelope-schemas.ts';
import { HTTP_STATUS } from '../error-table.ts';
import { jsonApiFailureDocument } from '../api-v4/json-api-errors.ts';
import { hoistTitledSchemas } from './hoist-titled-schemas.ts';
import type {
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  ResponseObject,
} from './openapi-types.ts';
import {
  type Operation,
  PATH_PARAMETERS,
  type Reply,
  SECURITY_SCHEMES,
  TAGS,
} from './operation.ts';
import { toJsonSchemaOf } from './to-json-schema.ts';

const DESCRIPTION = [
  'Payment links with a hosted checkout (QRIS and bank virtual accounts).',
  'Dialects: v1.0 and v2.0 (SingaPay-compatible, `/api/v1.0`, `/api/v2.0`) and v4 (Fazz-style JSON:API, `/api/v4`).',
  'Amounts are whole rupiah; v1.0 times are ISO 8601 in WIB (+07:00).',
  'Request bodies are at most 64 KiB (413) and nest objects and arrays at most 32 levels deep',
  '(422); a path with control characters or invalid UTF-8 is a 404.',
].join(' ');

/**
 * What any request may be refused for before its route runs: a path parameter holding control
 * characters or invalid UTF-8 is a NOT_FOUND (SPEC §9), a body above 64 KiB a 413 (SPEC §3:
 * whatever the method, except GET and HEAD, which are not read).
 */
function refusedBeforeTheRoute(operation: Operation): ErrorCode[] {
  return [
    ...(operation.path.includes('{') ? (['NOT_FOUND'] as const) : []),
    ...(operation.method !== 'get' ? (['PAYLOAD_TOO_LARGE'] as const) : []),
  ];
}

/**
 * The statuses of the failures an operation can answer, each with its reasons. Any call can
 * fail on our side (500); any that reads the database answers 503 while it is out of reach
 * (SPEC §9 "Outages"): all but the service endpoints.
 */
function failuresByStatus(operation: Operation): Map<number, ErrorCode[]> {
  const always: ErrorCode[] =
    operation.tag === 'Service' ? ['INTERNAL_ERROR'] : ['INTERNAL_ERROR', 'SERVICE_UNAVAILABLE'];
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set<ErrorCode>([
    ...operation.failures,
    ...refusedBeforeTheRoute(operation),
    ...always,
  ])) {
    const status = HTTP_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
}

const STRING: JsonSchema = { type: 'string' };

function replyObject(
  reply: Reply,
  convert: (schema: v.GenericSchema) => JsonSchema,
): ResponseObject {
  const answer: ResponseObject = { description: reply.description };
  if (reply.headers) {
    answer.headers = Object.fromEntries(
      Object.entries(reply.headers).map(([name, description]) => [
        name,
        { description, schema: STRING },
      ]),
    );
  }
  if (reply.json) answer.content = { 'application/json': { schema: convert(reply.json) } };
  else if (reply.media) {
    answer.content = Object.fromEntries([reply.media].flat().map((type) => [type, {}]));
  }
  return answer;
}

function failureReply(operation: Operation, status: number, reasons: ErrorCode[]): Reply {
  const json =
    operation.errorStyle === 'json-api'
      ? jsonApiFailureDocument(status, reasons)
      : failureEnvelope(status, reasons);
  const description = `Refused: ${reasons.join(', ')}.`;
  // SPEC §9: an answer over a limit, or while the database is away, says when to come back.
  if (status === 429) {
    return {
      description,
      json,
      headers: { 'Retry-After': 'Whole seconds until a retry can pass.' },
    };
  }
  if (status === 503) {
    return {
      description,
      json,
      headers: { 'Retry-After': 'Seconds to wait before trying again.' },
    };
  }
  return { description, json };
}

function parametersOf(operation: Operation): ParameterObject[] {
  const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map(
    ([, name = '']): ParameterObject => {
      const description = PATH_PARAMETERS[name];
      if (!description) throw new Error(`${operation.path}: undescribed path parameter ${name}`);
      return { name, in: 'path', required: true, description, schema: STRING };
    },
  );
  const query = Object.entries(operation.query?.entries ?? {});
  const inQuery = query.map(([name, schema]): ParameterObject => ({
    name,
    in: 'query',
    required: !['optional', 'nullish', 'exact_optional'].includes(schema.type),
    schema: toJsonSchemaOf(schema, 'input'),
  }));
  const headers = (operation.headers ?? []).map((header): ParameterObject => ({
    ...header,
    in: 'header',
    schema: STRING,
  }));
  return [...inPath, ...inQuery, ...headers];
}

function operationObject(
  operation: Operation,
  convert: (schema: v.GenericSchema) => JsonSchema,
): OperationObject {
  const responses: Record<string, ResponseObject> = {};
  for (const [status, reply] of Object.entries(operation.replies)) {
    responses[status] = replyObject(reply, convert);
  }
  for (const [status, reasons] of failuresByStatus(operation)) {
    if (responses[status])
      throw new Error(`${operation.path}: ${status} is both reply and failure`);
    responses[status] = replyObject(failureReply(operation, status, reasons), convert);
  }
  const body = operation.body;
  const content = Object.entries(body?.media ?? {}).map(([type, schema]) => [
    type,
    {
      schema: toJsonSchemaOf(schema, 'input'),
      ...(body?.example !== undefined && type === 'application/json'
        ? { example: body.example }
        : {}),
    },
  ]);
  return {
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    operationId: `${operation.method} ${operation.path}`,
    security: (operation.security ?? []).map((schemes) =>
      Object.fromEntries(schemes.map((scheme) => [scheme, []])),
    ),
    parameters: parametersOf(operation),
    ...(body ? { requestBody: { required: true, content: Object.fromEntries(content) } } : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of these operations. Response schemas with a `title` become
 * named components (`#/components/schemas/PaymentLink`), once each.
 */
export function buildOpenApi(operations: readonly Operation[], baseUrl: string): OpenApiDocument {
  const components: Record<string, JsonSchema> = {};
  const convert = (schema: v.GenericSchema) =>
    hoistTitledSchemas(toJsonSchemaOf(schema, 'output'), components);
  const paths: OpenApiDocument['paths'] = {};
  for (const operation of operations) {
    const item = (paths[operation.path] ??= {});
    if (item[operation.method]) throw new Error(`${operation.method} ${operation.path} twice`);
    item[operation.method] = operationObject(operation, convert);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Paylink API', version: '1.0.0', description: DESCRIPTION },
    servers: [{ url: baseUrl }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: { schemas: components, securitySchemes: SECURITY_SCHEMES },
  };
}
