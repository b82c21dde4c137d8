import type { JsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';

/**
 * What a custom schema or check means in JSON Schema, where valibot cannot say it by itself
 * (a `custom` schema or a `check` is a function). `sameAs` documents a guard as another schema:
 * a JSON object guard reads as the object schema it lets through.
 */
export type Documentation = JsonSchema | { sameAs: v.GenericSchema };

const documentation = new WeakMap<object, Documentation>();

/** Attaches the JSON Schema meaning of a schema or action; returns it unchanged. */
export function documented<T extends object>(item: T, meaning: Documentation): T {
  documentation.set(item, meaning);
  return item;
}

export function documentationOf(item: object): Documentation | undefined {
  return documentation.get(item);
}
