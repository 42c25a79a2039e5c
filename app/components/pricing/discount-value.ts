// How a discount reads in lists and headings: "12.5 %", "$10.00 off", "Free shipping".
import { formatMoney } from "~/utils/money";
import { formatPercent } from "~/domains/commerce/taxes/percent";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function describeDiscount(
  discount: { kind: "percentage" | "fixed" | "free_shipping"; value: number },
  { t, currency, locale }: { t: Translate; currency: string; locale: string },
): string {
  if (discount.kind === "percentage") return t("discounts.describe.percentage", { percent: formatPercent(discount.value) });
  if (discount.kind === "fixed") return t("discounts.describe.fixed", { amount: formatMoney(discount.value, currency, locale) });
  return t("discounts.describe.free_shipping");
}

/** The state a discount is in at `now`, for the status column. */
export function discountState(
  discount: {
    isActive: boolean;
    startsAt: string | Date | null;
    endsAt: string | Date | null;
    usageLimit: number | null;
    usedCount: number;
  },
  now = new Date(),
): "inactive" | "scheduled" | "expired" | "used_up" | "active" {
  if (!discount.isActive) return "inactive";
  if (discount.endsAt && new Date(discount.endsAt).getTime() <= now.getTime()) return "expired";
  if (discount.startsAt && new Date(discount.startsAt).getTime() > now.getTime()) return "scheduled";
  if (discount.usageLimit !== null && discount.usedCount >= discount.usageLimit) return "used_up";
  return "active";
}
