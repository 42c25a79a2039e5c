// The tax rate form: a country, optionally one of its regions, the rate as a percentage with up to
// two decimals, and whether shipping is taxed too.
import { z } from "zod";
import { isCountryCode } from "../shipping/countries";
import { parsePercent } from "./percent";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function createTaxRateSchema(t: Translate) {
  return z.object({
    name: z
      .string({ required_error: t("pricing:errors.nameRequired") })
      .trim()
      .min(1, t("pricing:errors.nameRequired"))
      .max(100, t("pricing:errors.nameTooLong", { max: 100 })),
    country: z
      .string({ required_error: t("pricing:errors.countryRequired") })
      .trim()
      .transform((text) => text.toUpperCase())
      .refine(isCountryCode, t("pricing:errors.countryUnknown")),
    region: z
      .string()
      .trim()
      .optional()
      .transform((text) => (text ?? "").toUpperCase())
      .refine((text) => text === "" || /^[A-Z0-9]{1,3}$/.test(text), t("pricing:errors.regionInvalid")),
    rate: z
      .string({ required_error: t("pricing:errors.rateRequired") })
      .trim()
      .transform((text, ctx) => {
        const basisPoints = parsePercent(text);
        if (basisPoints === null) {
          ctx.addIssue({ code: "custom", message: t("pricing:errors.rateInvalid") });
          return z.NEVER;
        }
        return basisPoints;
      }),
    shippingTaxable: z.boolean().default(false),
  });
}

export type TaxRateFormValue = z.output<ReturnType<typeof createTaxRateSchema>>;
