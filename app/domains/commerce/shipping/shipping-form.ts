// The shipping admin's forms (zone, method), shared by conform in the browser and parseWithZod in
// the action. Amounts are typed as money ("4.99") in the shop currency and kept in minor units.
import { z } from "zod";
import { parseMoney } from "~/utils/money";
import { isCountryCode, REST_OF_WORLD_CODE, splitCountryCodes } from "./countries";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const MAX_NAME_LENGTH = 100;
/** Money columns are PostgreSQL integers: anything larger cannot be stored (nor added up safely). */
export const MAX_STORED_MINOR = 2_147_483_647;

export function createZoneSchema(t: Translate) {
  return z.object({
    name: z
      .string({ required_error: t("pricing:errors.nameRequired") })
      .trim()
      .min(1, t("pricing:errors.nameRequired"))
      .max(MAX_NAME_LENGTH, t("pricing:errors.nameTooLong", { max: MAX_NAME_LENGTH })),
    countries: z.string({ required_error: t("pricing:errors.countriesRequired") }).transform((text, ctx) => {
      const codes = splitCountryCodes(text);
      if (codes.length === 0) {
        ctx.addIssue({ code: "custom", message: t("pricing:errors.countriesRequired") });
        return z.NEVER;
      }
      const unknown = codes.filter((code) => code !== REST_OF_WORLD_CODE && !isCountryCode(code));
      if (unknown.length > 0) {
        ctx.addIssue({ code: "custom", message: t("pricing:errors.countriesUnknown", { codes: unknown.join(", ") }) });
        return z.NEVER;
      }
      return codes;
    }),
  });
}

export type ZoneFormValue = z.output<ReturnType<typeof createZoneSchema>>;

// Fatal, so a refinement after it (e.g. "above zero") does not add a second, contradictory message.
function toMinor(t: Translate, currency: string) {
  return (text: string, ctx: z.RefinementCtx): number => {
    const minor = parseMoney(text, currency);
    if (minor === null) {
      ctx.addIssue({ code: "custom", message: t("pricing:errors.amountInvalid"), fatal: true });
      return z.NEVER;
    }
    if (minor > MAX_STORED_MINOR) {
      ctx.addIssue({ code: "custom", message: t("pricing:errors.amountTooLarge"), fatal: true });
      return z.NEVER;
    }
    return minor;
  };
}

/** A required amount: decimal text in the shop currency → minor units. */
export function requiredMoney(t: Translate, currency: string) {
  return z
    .string({ required_error: t("pricing:errors.amountRequired") })
    .trim()
    .transform(toMinor(t, currency));
}

/** An optional amount: empty → null. */
export function optionalMoney(t: Translate, currency: string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((text, ctx) => (text ? toMinor(t, currency)(text, ctx) : null));
}

export function createMethodSchema(t: Translate, currency: string) {
  return z.object({
    name: z
      .string({ required_error: t("pricing:errors.nameRequired") })
      .trim()
      .min(1, t("pricing:errors.nameRequired"))
      .max(MAX_NAME_LENGTH, t("pricing:errors.nameTooLong", { max: MAX_NAME_LENGTH })),
    rate: requiredMoney(t, currency),
    freeAbove: optionalMoney(t, currency),
    position: z
      .number({ invalid_type_error: t("pricing:errors.positionInvalid") })
      .int(t("pricing:errors.positionInvalid"))
      .min(0, t("pricing:errors.positionInvalid"))
      .max(10_000, t("pricing:errors.positionInvalid"))
      .default(0),
    isActive: z.boolean().default(false),
  });
}

export type MethodFormValue = z.output<ReturnType<typeof createMethodSchema>>;
