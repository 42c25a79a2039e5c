// The review form (product page) and the moderation form (admin), shared by the browser (conform)
// and the server (parseWithZod). Messages come from the caller's `t`.
import { z } from "zod";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export const REVIEW_TITLE_MAX = 120;
export const REVIEW_BODY_MAX = 5000;

/** PostgreSQL refuses NUL bytes in text (a 500); they carry nothing a reader could see. */
function withoutNul(value: string): string {
  return value.split("\u0000").join("");
}

export function createReviewSchema(t: Translate) {
  return z.object({
    intent: z.literal("review"),
    rating: z.coerce
      .number({
        required_error: t("shop:reviews.errors.ratingRequired"),
        invalid_type_error: t("shop:reviews.errors.ratingRequired"),
      })
      .int(t("shop:reviews.errors.ratingRequired"))
      .min(1, t("shop:reviews.errors.ratingRequired"))
      .max(5, t("shop:reviews.errors.ratingRequired")),
    title: z
      .string({ required_error: t("shop:reviews.errors.titleRequired") })
      .transform(withoutNul)
      .pipe(
        z
          .string()
          .trim()
          .min(1, t("shop:reviews.errors.titleRequired"))
          .max(REVIEW_TITLE_MAX, t("shop:reviews.errors.titleTooLong", { max: REVIEW_TITLE_MAX })),
      ),
    body: z
      .string({ required_error: t("shop:reviews.errors.bodyRequired") })
      .transform(withoutNul)
      .pipe(
        z
          .string()
          .trim()
          .min(1, t("shop:reviews.errors.bodyRequired"))
          .max(REVIEW_BODY_MAX, t("shop:reviews.errors.bodyTooLong", { max: REVIEW_BODY_MAX })),
      ),
  });
}

export const MODERATION_DECISIONS = ["approved", "rejected"] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

export const ModerationSchema = z.object({
  reviewId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  decision: z.enum(MODERATION_DECISIONS),
});

export const REVIEW_STATUS_FILTERS = ["pending", "approved", "rejected"] as const;
export type ReviewStatusFilter = (typeof REVIEW_STATUS_FILTERS)[number];
