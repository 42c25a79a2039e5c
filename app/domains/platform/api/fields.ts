// Sparse fieldsets: `?fields=email,name` answers only those properties (plus `id`, always). An
// unknown name is a validation error, so a typo never silently returns less than asked for.
import { z } from "zod";

/** The `fields` query parameter for a representation with these property names. */
export function fieldsParamSchema<const F extends readonly [string, ...string[]]>(names: F) {
  const allowed = new Set<string>(names);
  return z
    .string()
    .max(500)
    .transform((value, ctx) => {
      const wanted = [...new Set(value.split(",").map((name) => name.trim()))];
      const unknown = wanted.filter((name) => !allowed.has(name));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `Unknown field ${unknown.map((name) => (name ? `"${name}"` : "(empty)")).join(", ")}; use ${names.join(", ")}.`,
        });
        return z.NEVER;
      }
      return wanted as Array<F[number]>;
    });
}

/** `item` with only the `fields` asked for (and `id`), in the representation's own order. */
export function pickFields<T extends { id: string }>(
  item: T,
  fields: readonly string[] | undefined,
): Partial<T> & { id: string } {
  if (!fields) return item;
  const keep = new Set<string>(["id", ...fields]);
  return Object.fromEntries(Object.entries(item).filter(([name]) => keep.has(name))) as Partial<T> & { id: string };
}
