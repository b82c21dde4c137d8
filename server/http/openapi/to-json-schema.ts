import {
  type ConversionConfig,
  type JsonSchema,
  toJsonSchema as convert,
} from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { documentationOf } from './documented.ts';

/** A rule only a function can check, kept as words: `Must be at most 255 characters.` */
function withRule(schema: JsonSchema, rule: unknown): JsonSchema {
  if (typeof rule !== 'string') return schema;
  const description = schema.description ? `${schema.description} ${rule}` : rule;
  return { ...schema, description };
}

function configFor(typeMode: 'input' | 'output'): ConversionConfig {
  return {
    target: 'draft-2020-12',
    // Requests are documented as what a client sends (before our transforms), responses as
    // what we send; anything else valibot cannot express fails the build of the document.
    typeMode,
    errorMode: 'throw',
    overrideSchema: ({ valibotSchema, jsonSchema }) => {
      const meaning = documentationOf(valibotSchema);
      if (!meaning) return null;
      if ('sameAs' in meaning) return toJsonSchemaOf(meaning.sameAs as v.GenericSchema, typeMode);
      return { ...jsonSchema, ...(meaning as JsonSchema) };
    },
    overrideAction: ({ valibotAction, jsonSchema }) => {
      const meaning = documentationOf(valibotAction);
      if (meaning && !('sameAs' in meaning)) return { ...jsonSchema, ...(meaning as JsonSchema) };
      if (valibotAction.type === 'check' || valibotAction.type === 'raw_check') {
        return withRule(jsonSchema, (valibotAction as { message?: unknown }).message);
      }
      // `trim` changes nothing a client must know: surrounding spaces are simply dropped.
      if (valibotAction.type === 'trim') return jsonSchema;
      return null;
    },
  };
}

/** A valibot schema as a JSON Schema (2020-12, the dialect of OpenAPI 3.1), without `$schema`. */
export function toJsonSchemaOf(schema: v.GenericSchema, typeMode: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = convert(schema, configFor(typeMode));
  return rest;
}
