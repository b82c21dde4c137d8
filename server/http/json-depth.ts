/** SPEC §9 "Input depth": a JSON body nested deeper than this is refused with a 422. */
export const MAX_BODY_DEPTH = 32;

/**
 * How deeply objects and arrays nest in a parsed JSON value (a scalar is 0, `{}` is 1), but
 * counting no further than `limit + 1`: enough to tell "too deep" apart, and the walk stops
 * there. It keeps its own stack instead of recursing, because V8's JSON.parse takes any depth
 * a 64 KiB body can hold while a recursive walk (or JSON.stringify) overflows the call stack
 * at a few thousand levels, which was a 500 (issue 10, finding 2).
 */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    const depth = next.depth + 1;
    if (depth > deepest) deepest = depth;
    if (depth > limit) return depth;
    for (const inner of Object.values(next.value)) pending.push({ value: inner, depth });
  }
  return deepest;
}

/**
 * The top-level member (or array index) whose value makes `body` nest deeper than `limit`,
 * or null when it does not. Only that member is named: deeper keys are the client's own text
 * and may hold the `.` and `/` that field paths and JSON Pointers use as separators.
 */
export function memberTooDeep(body: unknown, limit: number): string | null {
  if (body === null || typeof body !== 'object') return null;
  for (const [key, inner] of Object.entries(body)) {
    if (nestingDepth(inner, limit - 1) > limit - 1) return key;
  }
  return null;
}
