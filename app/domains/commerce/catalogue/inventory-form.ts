// The stock adjustment form: a signed whole number ("+12" received, "-3" damaged) and a reason.
import { z } from "zod";
import { MAX_ADJUSTMENT } from "./inventory-limits";
import type { Translate } from "./product-form";

export function createAdjustmentSchema(t: Translate) {
  return z.object({
    delta: z
      .string({ required_error: t("catalogue:errors.deltaRequired") })
      .trim()
      .refine((v) => /^[+-]?\d{1,7}$/.test(v), t("catalogue:errors.deltaInvalid"))
      .transform((v) => Number(v))
      .refine((n) => n !== 0, t("catalogue:errors.deltaZero"))
      .refine((n) => Math.abs(n) <= MAX_ADJUSTMENT, t("catalogue:errors.deltaInvalid")),
    reason: z
      .string({ required_error: t("catalogue:errors.reasonRequired") })
      .trim()
      .min(1, t("catalogue:errors.reasonRequired"))
      .max(200, t("catalogue:errors.tooLong", { max: 200 })),
  });
}
