export type MethodChoice = { code: string; label: string; detail: string | null };
export type MethodGroupChoice = {
  group: string;
  legend: string;
  hint: string;
  methods: MethodChoice[];
};

type Props = {
  heading: string;
  groups: MethodGroupChoice[];
  selected: string | undefined;
  error: string | undefined;
  errorPrefix: string;
};

/** SPEC §7: the offered methods as radio buttons, one fieldset per group (QRIS, VA). */
export default function MethodFieldsets({ heading, groups, selected, error, errorPrefix }: Props) {
  return (
    <section class="methods" aria-labelledby="method-heading">
      <h2 id="method-heading">{heading}</h2>
      {error && (
        <p class="field-error" id="method-error">
          <span class="visually-hidden">{errorPrefix} </span>
          {error}
        </p>
      )}
      {groups.map((group) => (
        <fieldset
          key={group.group}
          class="method-group"
          aria-describedby={[`method-${group.group}-hint`, error && 'method-error']
            .filter(Boolean)
            .join(' ')}
        >
          <legend>{group.legend}</legend>
          <p class="field-hint" id={`method-${group.group}-hint`}>
            {group.hint}
          </p>
          {group.methods.map((method) => (
            <label key={method.code} class="method-option">
              <input
                type="radio"
                name="method"
                id={`method-${method.code}`}
                value={method.code}
                defaultChecked={method.code === selected}
                required
                aria-invalid={error ? 'true' : undefined}
              />
              <span class="method-label">{method.label}</span>
              {method.detail && <span class="method-detail">{method.detail}</span>}
            </label>
          ))}
        </fieldset>
      ))}
    </section>
  );
}
