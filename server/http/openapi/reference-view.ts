import type { JsonSchema } from '@valibot/to-json-schema';
import type { OpenApiDocument, OperationObject } from './openapi-types.ts';

/**
 * The OpenAPI document as the API reference page shows it (src/pages/docs/api.astro): per
 * tag, each operation with its parameters, body fields and answers as rows of a table.
 */

export type FieldRow = {
  name: string;
  type: string;
  required: boolean;
  notes: string;
  /** The named schema the type is (or holds), to link to. */
  schema: string | null;
};

export type ReferenceOperation = {
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  auth: string;
  parameters: FieldRow[];
  bodies: { media: string; fields: FieldRow[]; example: string | null }[];
  answers: { status: string; description: string; schema: string | null; fields: FieldRow[] }[];
};

export type ReferenceSection = {
  anchor: string;
  tag: string;
  description: string;
  operations: ReferenceOperation[];
};

/** `get /b2b/{public_id}/status` → `get-b2b-public_id-status`: an id for a link. */
const anchorOf = (text: string) => text.replace(/[^A-Za-z0-9_]+/g, '-').replace(/^-|-$/g, '');

const refName = (ref: string) => ref.replace('#/components/schemas/', '');

/** The named schema a field is, or is an array or nullable of. */
function namedSchemaOf(schema: JsonSchema): string | null {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.type === 'array' && schema.items) return namedSchemaOf(schema.items as JsonSchema);
  const options = (schema.anyOf ?? []) as JsonSchema[];
  return options.map(namedSchemaOf).find((name) => name !== null) ?? null;
}

/** `string`, `integer or null`, `PaymentLink`, `one of open, closed`… */
export function typeOf(schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return `one of ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`;
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (options) return [...new Set(options.map(typeOf))].join(' or ');
  if (schema.type === 'array') return `array of ${typeOf((schema.items as JsonSchema) ?? {})}`;
  if (Array.isArray(schema.type)) return schema.type.join(' or ');
  return schema.type ?? 'any';
}

/** Limits and rules in words: `1–255 characters`, `pattern ^…$`, the description. */
function notesOf(schema: JsonSchema): string {
  const notes: string[] = [];
  const inner = ((schema.anyOf ?? []) as JsonSchema[]).find((option) => option.type !== 'null');
  const s = inner ?? schema;
  if (s.minimum !== undefined || s.maximum !== undefined) {
    notes.push(`${s.minimum ?? '…'} to ${s.maximum ?? '…'}`);
  }
  if (s.maxLength !== undefined) notes.push(`at most ${s.maxLength} characters`);
  if (s.maxItems !== undefined) notes.push(`at most ${s.maxItems} items`);
  if (s.maxProperties !== undefined) notes.push(`at most ${s.maxProperties} keys`);
  if (s.pattern) notes.push(`pattern ${s.pattern}`);
  if (s.format) notes.push(String(s.format));
  if (s.default !== undefined) notes.push(`default ${JSON.stringify(s.default)}`);
  if (s.description) notes.push(s.description);
  return notes.join('; ');
}

/** The object behind a schema: itself, or its non-null option. */
function objectOf(schema: JsonSchema): JsonSchema | null {
  if (schema.type === 'object' && schema.properties) return schema;
  const options = (schema.anyOf ?? []) as JsonSchema[];
  return options.find((option) => option.type === 'object' && option.properties) ?? null;
}

/** One row per field, nested objects (and arrays of objects) as `customer.name`, `items[].name`. */
export function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
  const object = objectOf(schema);
  if (!object) return [];
  const required = new Set(object.required ?? []);
  const properties = Object.entries(object.properties ?? {}) as [string, JsonSchema][];
  return properties.flatMap(([key, field]) => {
    const name = `${prefix}${key}`;
    const row = {
      name,
      type: typeOf(field),
      required: required.has(key),
      notes: notesOf(field),
      schema: namedSchemaOf(field),
    };
    const items = field.type === 'array' ? (field.items as JsonSchema) : null;
    const nested = items ? fieldRows(items, `${name}[].`) : fieldRows(field, `${name}.`);
    return [row, ...nested];
  });
}

function authOf(security: Record<string, unknown>[]): string {
  if (security.length === 0) return 'none';
  return security.map((requirement) => Object.keys(requirement).join(' + ')).join(', or ');
}

function operationOf(path: string, method: string, operation: OperationObject): ReferenceOperation {
  const content = Object.entries(operation.requestBody?.content ?? {});
  return {
    anchor: anchorOf(`${method} ${path}`),
    method: method.toUpperCase(),
    path,
    summary: operation.summary,
    description: operation.description ?? '',
    auth: authOf(operation.security),
    parameters: operation.parameters.map((parameter) => ({
      name: `${parameter.name} (${parameter.in})`,
      type: typeOf(parameter.schema),
      required: Boolean(parameter.required),
      notes: [parameter.description, notesOf(parameter.schema)].filter(Boolean).join('; '),
      schema: null,
    })),
    bodies: content.map(([media, body]) => ({
      media,
      fields: fieldRows(body.schema ?? {}),
      example: body.example === undefined ? null : JSON.stringify(body.example, null, 2),
    })),
    answers: Object.entries(operation.responses).map(([status, answer]) => {
      const schema = answer.content?.['application/json']?.schema;
      const others = Object.keys(answer.content ?? {}).filter(
        (type) => type !== 'application/json',
      );
      const media = others.length > 0 ? others.join(', ') : undefined;
      // Failures share one envelope (described once on the page): their reasons are the news.
      const isFailure = Number(status) >= 400;
      return {
        status,
        description: answer.description,
        schema: isFailure ? null : schema ? typeOf(schema) : (media ?? null),
        fields: schema && !isFailure ? fieldRows(schema) : [],
      };
    }),
  };
}

/** The reference: one section per tag, in the document's order. */
export function referenceSections(document: OpenApiDocument): ReferenceSection[] {
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      tag: operation.tags[0] ?? '',
      view: operationOf(path, method, operation),
    })),
  );
  return document.tags.map((tag) => ({
    anchor: anchorOf(tag.name),
    tag: tag.name,
    description: tag.description,
    operations: operations.filter((entry) => entry.tag === tag.name).map((entry) => entry.view),
  }));
}

/** The named schemas, each with its fields. */
export function referenceSchemas(document: OpenApiDocument) {
  return Object.entries(document.components.schemas).map(([name, schema]) => ({
    name,
    type: typeOf({ ...schema, $ref: undefined } as JsonSchema),
    fields: fieldRows(schema),
  }));
}
