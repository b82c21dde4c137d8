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
