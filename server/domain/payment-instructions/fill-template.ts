/**
 * Replaces each `{name}` in the template with `values[name]`. A placeholder without a value is
 * a bug in the texts, so it throws rather than showing a customer a raw `{name}`.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for placeholder {${name}} in "${template}"`);
    return value;
  });
}

/** A block of instructions before filling: its channel, and its title and steps as templates. */
export type ChannelTemplate<C extends string> = {
  channel: C;
  title: string;
  steps: readonly string[];
};

/** Fills every template of each block with the same values (see `fillTemplate`). */
export function fillBlocks<C extends string>(
  blocks: readonly ChannelTemplate<C>[],
  values: Readonly<Record<string, string>>,
): { channel: C; title: string; steps: string[] }[] {
  return blocks.map((block) => ({
    channel: block.channel,
    title: fillTemplate(block.title, values),
    steps: block.steps.map((step) => fillTemplate(step, values)),
  }));
}
