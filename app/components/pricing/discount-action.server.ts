// The server half of the discount form (create and edit): validate in the admin's time zone and the
// shop currency, call the domain, and put a refusal next to the field it concerns.
import { parseWithZod } from "@conform-to/zod";
import { createDiscountSchema } from "~/domains/commerce/discounts/discount-form";
import { createDiscount, updateDiscount } from "~/domains/commerce/discounts/discounts.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { isDomainError } from "~/domains/errors";
import type { AuthUser } from "~/domains/identity/sessions.server";
import { pricingTranslator } from "./pricing-request.server";

type Input = { request: Request; formData: FormData; user: AuthUser; ipAddress: string | null; discountId?: string };

const FIELD_OF: Record<string, { field: string; key: string }> = {
  code_taken: { field: "code", key: "pricing:errors.codeTaken" },
  unknown_products: { field: "productSlugs", key: "pricing:errors.unknownProducts" },
  unknown_categories: { field: "categoryIds", key: "pricing:errors.unknownCategories" },
  limit_below_uses: { field: "usageLimit", key: "pricing:errors.limitBelowUses" },
};

export async function submitDiscountForm({ request, formData, user, ipAddress, discountId }: Input) {
  const t = await pricingTranslator(request);
  const { currency } = await getShopSettings();
  const submission = parseWithZod(formData, { schema: createDiscountSchema(t, { currency, timeZone: user.timeZone }) });
  if (submission.status !== "success") return { ok: false as const, status: 400, result: submission.reply() };
  const actor = { actorId: user.id, ipAddress };
  try {
    if (discountId) {
      await updateDiscount(discountId, submission.value, actor);
      return { ok: true as const, id: discountId };
    }
    const created = await createDiscount(submission.value, actor);
    return { ok: true as const, id: created.id };
  } catch (error) {
    const target = isDomainError(error) ? FIELD_OF[error.code] : undefined;
    if (!target || !isDomainError(error)) throw error;
    const message = t(target.key, {
      slugs: ((error.details.slugs as string[] | undefined) ?? []).join(", "),
      count: (error.details.used as number | undefined) ?? 0,
    });
    return { ok: false as const, status: 409, result: submission.reply({ fieldErrors: { [target.field]: [message] } }) };
  }
}
