// Forms of categories and collections, shared by the browser (conform) and the actions.
import { z } from "zod";
import type { Translate } from "./product-form";
import { SLUG_PATTERN } from "./product-input";

function nameField(t: Translate, max: number) {
  return z
    .string({ required_error: t("catalogue:errors.nameRequired") })
    .trim()
    .min(1, t("catalogue:errors.nameRequired"))
    .max(max, t("catalogue:errors.tooLong", { max }));
}

function slugField(t: Translate) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .max(120, t("catalogue:errors.tooLong", { max: 120 }))
    .regex(SLUG_PATTERN, t("catalogue:errors.slugInvalid"))
    .optional();
}

function positionField(t: Translate) {
  return z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d{1,4}$/.test(v), t("catalogue:errors.positionInvalid"))
    .transform((v) => (v ? Number(v) : 0));
}

export function createCategorySchema(t: Translate) {
  return z.object({
    name: nameField(t, 100),
    slug: slugField(t),
    description: z
      .string()
      .trim()
      .max(2000, t("catalogue:errors.tooLong", { max: 2000 }))
      .default(""),
    parentId: z
      .string()
      .optional()
      .transform((v) => v || null),
    position: positionField(t),
  });
}

export function createCollectionSchema(t: Translate) {
  return z.object({
    title: nameField(t, 150),
    slug: slugField(t),
    description: z
      .string()
      .trim()
      .max(2000, t("catalogue:errors.tooLong", { max: 2000 }))
      .default(""),
    isPublished: z
      .literal("on")
      .optional()
      .transform((v) => v === "on"),
    position: positionField(t),
  });
}

export function createCollectionProductSchema(t: Translate) {
  return z.object({
    product: z
      .string({ required_error: t("catalogue:errors.productRequired") })
      .trim()
      .min(1, t("catalogue:errors.productRequired"))
      .max(200),
  });
}
