// The cart page's data: the priced cart turned into what the page shows, with every refusal
// already worded in the reader's language (next to its code or line).
import { readCartId } from "~/domains/commerce/cart/cart.server";
import { formatGiftCardCode } from "~/domains/commerce/gift-cards/gift-card-code";
import { priceCart, type PricedLine } from "~/domains/commerce/pricing.server";
import { refusalKey, type Refusal } from "~/domains/commerce/refusals";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { getOptionalUser } from "~/domains/identity/guards.server";
import { i18n } from "~/infra/i18n.server";
import { formatMoney } from "~/utils/money";

export type LineIssue = "unavailable" | "out_of_stock" | "only_left" | null;

export type CartViewLine = Pick<
  PricedLine,
  | "id"
  | "productSlug"
  | "title"
  | "variantTitle"
  | "sku"
  | "image"
  | "unitPrice"
  | "compareAtPrice"
  | "quantity"
  | "sellable"
  | "kind"
> & { lineTotal: number; discountAllocated: number; issue: LineIssue };

export type CartView = {
  currency: string;
  lines: CartViewLine[];
  merchandiseSubtotal: number;
  discount: { code: string; amount: number; refusal: string | null } | null;
  totalBeforeShipping: number;
  giftCards: Array<{ code: string; display: string; amount: number; refusal: string | null }>;
  amountDue: number;
  canCheckout: boolean;
  /** ShopSettings.lowStockThreshold: lines with this many or fewer left say so. */
  lowStockThreshold: number;
};

function lineIssue(line: PricedLine): LineIssue {
  if (!line.available) return "unavailable";
  if (line.sellable === null) return null;
  if (line.sellable === 0) return "out_of_stock";
  return line.quantity > line.sellable ? "only_left" : null;
}

export async function loadCartView(request: Request): Promise<CartView | null> {
  const cartId = await readCartId(request);
  if (!cartId) return null;
  const user = await getOptionalUser(request);
  const priced = await priceCart({ cartId, ...(user ? { customerKey: user.id } : {}) });
  if (priced.lines.length === 0 && !priced.discountCode && priced.giftCardCodes.length === 0) return null;
  const [t, locale, settings] = await Promise.all([i18n.getFixedT(request, "cart"), i18n.getLocale(request), getShopSettings()]);
  const { totals, currency } = priced;
  const word = (refusal: Refusal | undefined) =>
    refusal
      ? t(refusalKey(refusal.reason), {
          minimum: refusal.minimum === undefined ? "" : formatMoney(refusal.minimum, currency, locale),
        })
      : null;

  const byLine = new Map(totals.lines.map((line) => [line.id, line]));
  const lines = priced.lines.map((line) => ({
    id: line.id,
    productSlug: line.productSlug,
    title: line.title,
    variantTitle: line.variantTitle,
    sku: line.sku,
    image: line.image,
    unitPrice: line.unitPrice,
    compareAtPrice: line.compareAtPrice,
    quantity: line.quantity,
    sellable: line.sellable,
    kind: line.kind,
    lineTotal: byLine.get(line.id)?.lineTotal ?? line.unitPrice * line.quantity,
    discountAllocated: byLine.get(line.id)?.discountAllocated ?? 0,
    issue: lineIssue(line),
  }));
  const discountRefusal = totals.refusals.find((r) => r.source === "discount");
  const used = new Map(totals.giftCardApplied.map((use) => [use.code, use.amount]));
  return {
    currency,
    lines,
    merchandiseSubtotal: totals.merchandiseSubtotal,
    discount: priced.discountCode
      ? { code: priced.discountCode, amount: totals.discountTotal, refusal: word(discountRefusal) }
      : null,
    totalBeforeShipping: totals.grandTotal,
    giftCards: priced.giftCardCodes.map((code) => ({
      code,
      display: formatGiftCardCode(code),
      amount: used.get(code) ?? 0,
      refusal: word(totals.refusals.find((r) => r.source === "gift_card" && r.code === code)),
    })),
    amountDue: totals.amountDue,
    lowStockThreshold: settings.lowStockThreshold,
    canCheckout: lines.length > 0 && totals.refusals.length === 0 && lines.every((line) => line.issue === null),
  };
}
