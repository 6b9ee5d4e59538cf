// A report page's own choices beside the unit and period (grouping, scale, basis), read from the URL.

/** A choice kept in the URL as `param`; the first option is the default. */
export interface ReportChoice {
  param: string;
  /** The select's accessible name. */
  label: string;
  width: number;
  options: readonly { value: string; label: string }[];
}

/** The value of each choice: the URL's when it is one of the options, else the first option. */
export function choiceValues(params: URLSearchParams, choices: readonly ReportChoice[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const c of choices) {
    const given = params.get(c.param);
    const known = c.options.find((o) => o.value === given);
    values[c.param] = known?.value ?? c.options[0]?.value ?? "";
  }
  return values;
}

/** A choice from its options written as `{ value: label }`, in that order. */
export function choice(param: string, label: string, width: number, options: Record<string, string>): ReportChoice {
  return { param, label, width, options: Object.entries(options).map(([value, text]) => ({ value, label: text })) };
}
