// Runs one section of the bench so that its failure is reported, not fatal to the others.

/** Stores what `measure` answers under results[name] (merged), or { error } when it throws. */
export async function runSection(context, name, measure) {
  context.log(`${name}…`);
  try {
    const value = await measure();
    context.results[name] = { ...context.results[name], ...value };
  } catch (error) {
    const message = error?.message ?? String(error);
    context.results[name] = { ...context.results[name], error: message };
    context.results.failures.push({ section: name, error: error?.stack ?? message });
  }
}
