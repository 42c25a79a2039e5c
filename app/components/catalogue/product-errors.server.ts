// A product domain refusal as a conform reply: the message next to the field it is about.
import type { Submission } from "@conform-to/react";
import { isDomainError } from "~/domains/errors";
import type { Translate } from "./catalogue-request.server";

function rowIndexOfSku(formData: FormData, sku: string): number | null {
  for (let i = 0; i < 200; i += 1) {
    const value = formData.get(`variants[${i}].sku`);
    if (value === null) {
      if (!formData.has(`variants[${i}].price`)) return null;
      continue;
    }
    if (String(value).trim().toUpperCase() === sku.toUpperCase() && formData.get(`variants[${i}].remove`) !== "on") return i;
  }
  return null;
}

/** The reply for a known refusal, or null (the caller rethrows). */
export function productErrorReply(error: unknown, submission: Submission<unknown>, formData: FormData, t: Translate) {
  if (!isDomainError(error)) return null;
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  switch (error.code) {
    case "slug_taken":
      fieldErrors.slug = [t("errors.slugTaken")];
      break;
    case "sku_taken": {
      const sku = typeof error.details.sku === "string" ? error.details.sku : null;
      const index = sku ? rowIndexOfSku(formData, sku) : null;
      if (index !== null) fieldErrors[`variants[${index}].sku`] = [t("errors.skuTaken")];
      else formErrors.push(t("errors.skuTaken"));
      break;
    }
    case "invalid_options":
      formErrors.push(t("errors.invalidOptions"));
      break;
    case "stale_edit":
      formErrors.push(t("errors.staleEdit"));
      break;
    case "variant_reserved":
      formErrors.push(t("errors.variantReserved", { sku: String(error.details.sku ?? "") }));
      break;
    case "not_found":
      formErrors.push(t(error.details.entity === "category" ? "errors.categoryMissing" : "errors.notFound"));
      break;
    default:
      return null;
  }
  return submission.reply({ fieldErrors, formErrors });
}
