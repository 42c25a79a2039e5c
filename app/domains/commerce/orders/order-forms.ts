// Form schemas of the admin order page, shared by the browser (conform) and the server
// (parseWithZod). Messages come from the caller's `t` (namespace orders). The carrier and tracking
// rules themselves live in order-status.ts (validateFulfilment), checked again by the domain.
import { z } from "zod";
import { parseMoney } from "~/utils/money";

export type Translate = (key: string, values?: Record<string, unknown>) => string;

const reason = (t: Translate) => z.string().trim().max(500, t("orders:errors.reasonTooLong")).default("");

export function createFulfilSchema(t: Translate) {
  return z.object({
    carrier: z.string().trim().max(200, t("orders:errors.carrierTooLong")).default(""),
    trackingNumber: z.string().trim().max(200, t("orders:errors.trackingTooLong")).default(""),
  });
}

/** `amount` is typed text ("12.50"); the output is minor units of `currency`. */
export function createRefundSchema(t: Translate, currency: string) {
  return z.object({
    amount: z
      .string({ required_error: t("orders:errors.amountRequired") })
      .trim()
      .min(1, t("orders:errors.amountRequired"))
      .transform((value, ctx) => {
        const minor = parseMoney(value, currency);
        if (minor === null) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: t("orders:errors.amountInvalid") });
          return z.NEVER;
        }
        if (minor <= 0) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: t("orders:errors.amountPositive") });
          return z.NEVER;
        }
        return minor;
      }),
    reason: reason(t),
    restock: z.boolean().default(false),
  });
}

export function createCancelSchema(t: Translate) {
  return z.object({ reason: reason(t), restock: z.boolean().default(false) });
}
