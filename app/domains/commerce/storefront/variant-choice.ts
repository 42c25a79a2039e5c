// Which variant the product page shows, from the query string: `?variant=<id>`, or one value per
// option name (`?Size=M&Colour=Red`). Pure: the server renders the choice, the browser may repeat it.
export type ChoosableVariant = { id: string; optionValues: string[]; position: number };

export type VariantChoice<V extends ChoosableVariant> = {
  variant: V;
  /** The value selected for each option name, in Product.optionNames order. */
  selected: string[];
  /** True when the query asked for a combination that does not exist (the first variant is shown). */
  unavailable: boolean;
};

export function chooseVariant<V extends ChoosableVariant>(
  optionNames: readonly string[],
  variants: readonly V[],
  params: URLSearchParams,
): VariantChoice<V> | null {
  const ordered = [...variants].sort((a, b) => a.position - b.position);
  const first = ordered[0];
  if (!first) return null;
  const byId = params.get("variant");
  if (byId) {
    const found = ordered.find((variant) => variant.id === byId);
    if (found) return { variant: found, selected: [...found.optionValues], unavailable: false };
  }
  const wanted = optionNames.map((name) => params.get(name));
  if (optionNames.length === 0 || wanted.every((value) => value === null)) {
    return { variant: first, selected: [...first.optionValues], unavailable: Boolean(byId) };
  }
  const exact = ordered.find((variant) => wanted.every((value, i) => value === null || variant.optionValues[i] === value));
  if (exact) return { variant: exact, selected: [...exact.optionValues], unavailable: false };
  const selected = optionNames.map((_, i) => wanted[i] ?? first.optionValues[i] ?? "");
  return { variant: first, selected, unavailable: true };
}

/** The distinct values of each option, in the order the variants list them. */
export function optionValueLists(optionNames: readonly string[], variants: readonly ChoosableVariant[]): string[][] {
  const ordered = [...variants].sort((a, b) => a.position - b.position);
  return optionNames.map((_, i) => {
    const values: string[] = [];
    for (const variant of ordered) {
      const value = variant.optionValues[i];
      if (value !== undefined && !values.includes(value)) values.push(value);
    }
    return values;
  });
}
