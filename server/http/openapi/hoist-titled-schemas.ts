import type { JsonSchema } from '@valibot/to-json-schema';

/**
 * Replaces every sub-schema that has a `title` with a `$ref` to `components` under that title,
 * adding it there. One title must always mean the same schema.
 */
export function hoistTitledSchemas(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
): JsonSchema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const inner = Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, walk(value)]),
    ) as JsonSchema;
    const title = inner.title;
    if (typeof title !== 'string') return inner;
    const known = components[title];
    if (known && JSON.stringify(known) !== JSON.stringify(inner)) {
      throw new Error(`Two different schemas are titled ${title}.`);
    }
    components[title] = inner;
    return { $ref: `#/components/schemas/${title}` };
  };
  return walk(schema) as JsonSchema;
}
