// The discount form, shared by conform in the browser and parseWithZod in the action. The value is
// typed the way the kind reads ("12.5" percent, "10.00" money, nothing for free shipping); dates are
// wall-clock times in the admin's time zone; products are listed by their slugs (one per line) so
// the form stays usable with thousands of products and no JavaScript.
import { z } from "zod";
import { parseMoney } from "~/utils/money";
import { MAX_STORED_MINOR, optionalMoney } from "../shipping/shipping-form";
import { parsePercent } from "../taxes/percent";
import { parseLocalDateTime } from "./local-datetime";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const DISCOUNT_KINDS = ["percentage", "fixed", "free_shipping"] as const;
export const MAX_CODE_LENGTH = 32;
const CODE = /^[A-Z0-9][A-Z0-9_-]*$/;

function optionalCount(t: Translate) {
  return z
    .number({ invalid_type_error: t("pricing:errors.countInvalid") })
    .int(t("pricing:errors.countInvalid"))
    .min(1, t("pricing:errors.countInvalid"))
    .max(1_000_000_000, t("pricing:errors.countInvalid"))
    .optional()
    .transform((value) => value ?? null);
}

/**
 * An optional date-time field (<input type="datetime-local">) in the admin's time zone: empty is
 * null, else the UTC instant; unreadable text is refused, and so is a time already past when
 * `futureOnly` (a gift card dead on arrival).
 */
export function optionalLocalDateTime(t: Translate, timeZone: string, { futureOnly = false }: { futureOnly?: boolean } = {}) {
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text) return null;
      const date = parseLocalDateTime(text, timeZone);
      if (!date) {
        ctx.addIssue({ code: "custom", message: t("pricing:errors.dateInvalid") });
        return z.NEVER;
      }
      if (futureOnly && date.getTime() <= Date.now()) {
        ctx.addIssue({ code: "custom", message: t("pricing:errors.expiryInPast") });
        return z.NEVER;
      }
      return date;
    });
}

export function createDiscountSchema(t: Translate, { currency, timeZone }: { currency: string; timeZone: string }) {
  return z
    .object({
      code: z
        .string({ required_error: t("pricing:errors.codeRequired") })
        .transform((text) => text.replace(/\s+/g, "").toUpperCase())
        .pipe(
          z
            .string()
            .min(3, t("pricing:errors.codeLength", { min: 3, max: MAX_CODE_LENGTH }))
            .max(MAX_CODE_LENGTH, t("pricing:errors.codeLength", { min: 3, max: MAX_CODE_LENGTH }))
            .regex(CODE, t("pricing:errors.codeCharacters")),
        ),
      kind: z.enum(DISCOUNT_KINDS, { errorMap: () => ({ message: t("pricing:errors.kindRequired") }) }),
      value: z.string().trim().optional(),
      startsAt: optionalLocalDateTime(t, timeZone),
      endsAt: optionalLocalDateTime(t, timeZone),
      minSubtotal: optionalMoney(t, currency),
      usageLimit: optionalCount(t),
      perCustomerLimit: optionalCount(t),
      productSlugs: z
        .string()
        .optional()
        .transform((text) => [
          ...new Set(
            (text ?? "")
              .split(/[\s,]+/)
              .map((s) => s.trim().toLowerCase())
              .filter(Boolean),
          ),
        ]),
      categoryIds: z.array(z.string().min(1)).default([]),
      isActive: z.boolean().default(false),
    })
    .transform((input, ctx) => {
      let value = 0;
      if (input.kind === "percentage") {
        const basisPoints = input.value ? parsePercent(input.value) : null;
        if (basisPoints === null || basisPoints === 0) {
          ctx.addIssue({ code: "custom", path: ["value"], message: t("pricing:errors.percentInvalid") });
        } else value = basisPoints;
      } else if (input.kind === "fixed") {
        const minor = input.value ? parseMoney(input.value, currency) : null;
        if (minor === null || minor === 0) {
          ctx.addIssue({ code: "custom", path: ["value"], message: t("pricing:errors.amountInvalid") });
        } else if (minor > MAX_STORED_MINOR) {
          ctx.addIssue({ code: "custom", path: ["value"], message: t("pricing:errors.amountTooLarge") });
        } else value = minor;
      }
      if (input.startsAt && input.endsAt && input.endsAt.getTime() <= input.startsAt.getTime()) {
        ctx.addIssue({ code: "custom", path: ["endsAt"], message: t("pricing:errors.endsBeforeStart") });
      }
      const { value: _text, ...rest } = input;
      return { ...rest, value };
    });
}

export type DiscountFormValue = z.output<ReturnType<typeof createDiscountSchema>>;
