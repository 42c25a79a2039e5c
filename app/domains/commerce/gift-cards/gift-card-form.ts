// The gift card forms: issuing a card and adjusting its balance with a reason.
import { z } from "zod";
import { optionalLocalDateTime } from "../discounts/discount-form";
import { requiredMoney } from "../shipping/shipping-form";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const GIFT_CARD_LOCALES = ["en", "es"] as const;

export function createIssueGiftCardSchema(t: Translate, { currency, timeZone }: { currency: string; timeZone: string }) {
  return z.object({
    amount: requiredMoney(t, currency).refine((minor) => minor > 0, t("pricing:errors.amountPositive")),
    // A card that is dead on arrival (a mistyped year) would still be e-mailed to its recipient.
    expiresAt: optionalLocalDateTime(t, timeZone, { futureOnly: true }),
    recipientEmail: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, t("pricing:errors.emailInvalid"))
      .email(t("pricing:errors.emailInvalid"))
      .optional()
      .transform((value) => value ?? null),
    recipientLocale: z.enum(GIFT_CARD_LOCALES).default("en"),
    note: z
      .string()
      .trim()
      .max(500, t("pricing:errors.noteTooLong", { max: 500 }))
      .optional()
      .transform((value) => value ?? ""),
  });
}

export type IssueGiftCardValue = z.output<ReturnType<typeof createIssueGiftCardSchema>>;

export function createAdjustGiftCardSchema(t: Translate, currency: string) {
  return z.object({
    direction: z.enum(["add", "remove"], { errorMap: () => ({ message: t("pricing:errors.directionRequired") }) }),
    amount: requiredMoney(t, currency).refine((minor) => minor > 0, t("pricing:errors.amountPositive")),
    reason: z
      .string({ required_error: t("pricing:errors.reasonRequired") })
      .trim()
      .min(3, t("pricing:errors.reasonRequired"))
      .max(500, t("pricing:errors.noteTooLong", { max: 500 })),
  });
}

export type AdjustGiftCardValue = z.output<ReturnType<typeof createAdjustGiftCardSchema>>;
