// The image upload form (a file and its alt text) and the alt-text edit form. Shared by the
// browser (conform) and the action.
import { z } from "zod";
import type { Translate } from "./product-form";

const isChosenFile = (value: unknown) =>
  typeof value === "object" &&
  value !== null &&
  "size" in value &&
  typeof (value as { size: unknown }).size === "number" &&
  (value as { size: number }).size > 0;

function altField(t: Translate) {
  return z
    .string({ required_error: t("catalogue:errors.altRequired") })
    .trim()
    .min(1, t("catalogue:errors.altRequired"))
    .max(250, t("catalogue:errors.tooLong", { max: 250 }));
}

export function createImageUploadSchema(t: Translate) {
  return z.object({
    file: z.any().refine(isChosenFile, t("catalogue:errors.fileRequired")),
    alt: altField(t),
  });
}

export function createImageAltSchema(t: Translate) {
  return z.object({ imageId: z.string().min(1), alt: altField(t) });
}

export function createDigitalFileSchema(t: Translate) {
  return z.object({ file: z.any().refine(isChosenFile, t("catalogue:errors.fileRequired")) });
}
