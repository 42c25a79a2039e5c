// The shop settings form: currency, how long checkout holds stock, the low-stock line, the offline
// payment method and its instructions, and the digital download allowance.
import { z } from "zod";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const RESERVATION_MINUTES = { min: 5, max: 120 } as const;
export const MAX_INSTRUCTIONS_LENGTH = 2000;

/** ISO 4217 codes Intl knows (isomorphic). */
export function currencyCodes(): string[] {
  return typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : ["EUR", "GBP", "USD"];
}

function integer(t: Translate, key: string, min: number, max: number) {
  return z
    .number({ required_error: t(key, { min, max }), invalid_type_error: t(key, { min, max }) })
    .int(t(key, { min, max }))
    .min(min, t(key, { min, max }))
    .max(max, t(key, { min, max }));
}

export function createShopSettingsSchema(t: Translate) {
  return z
    .object({
      currency: z
        .string({ required_error: t("pricing:errors.currencyInvalid") })
        .trim()
        .toUpperCase()
        .refine((code) => currencyCodes().includes(code), t("pricing:errors.currencyInvalid")),
      reservationMinutes: integer(t, "pricing:errors.reservationMinutes", RESERVATION_MINUTES.min, RESERVATION_MINUTES.max),
      lowStockThreshold: integer(t, "pricing:errors.lowStockThreshold", 0, 100_000),
      offlinePayment: z.boolean().default(false),
      offlineInstructions: z
        .string()
        .trim()
        .max(MAX_INSTRUCTIONS_LENGTH, t("pricing:errors.instructionsTooLong", { max: MAX_INSTRUCTIONS_LENGTH }))
        .optional()
        .transform((text) => text ?? ""),
      downloadLimit: integer(t, "pricing:errors.downloadLimit", 1, 100),
      downloadDays: integer(t, "pricing:errors.downloadDays", 1, 3650),
    })
    .superRefine((value, ctx) => {
      if (value.offlinePayment && value.offlineInstructions === "") {
        ctx.addIssue({ code: "custom", path: ["offlineInstructions"], message: t("pricing:errors.instructionsRequired") });
      }
    });
}

export type ShopSettingsFormValue = z.output<ReturnType<typeof createShopSettingsSchema>>;
