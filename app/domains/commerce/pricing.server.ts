// priceCart: the cart's lines, codes and destination read from the database and handed to the pure
// computeTotals (totals.ts). The cart page, the checkout review page and placing the order (inside
// its transaction, with `tx`) all call this one function, so they show and charge the same cents.
//
// - No destination yet (the cart page): no shipping method and no tax; both come at checkout.
// - A shipping method that does not serve the destination is ignored (no shipping charged; checkout
//   refuses to place the order without a valid one).
// - A discount code or gift card switched off or deleted since it was applied is refused like an
//   expired one ("expired" / "no remaining balance"), never dropped silently.
import type { Prisma } from "~/generated/prisma/client";
import type { Db, Tx } from "~/infra/db.server";
import { prisma } from "~/infra/db.server";
import type { CartLine } from "./cart-lines";
import { ownReservations, sellableFor } from "./cart/stock.server";
import type { DiscountCode } from "./discounts";
import { loadDiscount } from "./discounts/redemption.server";
import { loadGiftCards } from "./gift-cards/ledger.server";
import type { Refusal } from "./refusals";
import { shippingOptionsFor, toShippingMethod, type ShippingOption } from "./shipping/lookup.server";
import { getShopSettings } from "./shop-settings.server";
import { taxSettingFor } from "./taxes/lookup.server";
import { computeTotals, type TaxSetting, type Totals } from "./totals";

export type PricedLine = {
  /** CartItem id. */
  id: string;
  variantId: string;
  productId: string;
  productSlug: string;
  title: string;
  variantTitle: string;
  sku: string;
  imageId: string | null;
  /** The line's picture (the variant's, else the product's first) with its rendition widths. */
  image: { id: string; alt: string; width: number; height: number; widths: number[] } | null;
  unitPrice: number;
  compareAtPrice: number | null;
  quantity: number;
  /**
   * stockOnHand − stockReserved (never below 0), plus what this cart's own open checkout holds (it is
   * this cart's to buy); null when the variant does not track stock.
   */
  sellable: number | null;
  kind: "physical" | "digital";
  taxable: boolean;
  /** The product is still for sale (active). */
  available: boolean;
};

export type PricedCart = {
  cartId: string;
  currency: string;
  lines: PricedLine[];
  totals: Totals;
  discountCode: string | null;
  giftCardCodes: string[];
  shippingMethods: ShippingOption[];
};

export type PriceCartInput = {
  cartId: string;
  destination?: { country: string; region?: string };
  shippingMethodId?: string;
  /** userId, or the lower-cased e-mail of a guest: counts the code's per-customer uses. */
  customerKey?: string;
  now?: Date;
};

const imageSelect = {
  id: true,
  alt: true,
  width: true,
  height: true,
  renditions: { select: { width: true }, orderBy: { width: "asc" } },
} satisfies Prisma.ProductImageSelect;

const itemSelect = {
  id: true,
  quantity: true,
  variant: {
    select: {
      id: true,
      sku: true,
      title: true,
      price: true,
      compareAtPrice: true,
      trackInventory: true,
      stockOnHand: true,
      stockReserved: true,
      image: { select: imageSelect },
      product: {
        select: {
          id: true,
          slug: true,
          title: true,
          status: true,
          kind: true,
          taxable: true,
          categories: { select: { categoryId: true } },
          images: { orderBy: [{ position: "asc" }, { id: "asc" }], take: 1, select: imageSelect },
        },
      },
    },
  },
} satisfies Prisma.CartItemSelect;

export async function priceCart(input: PriceCartInput, db: Db | Tx = prisma): Promise<PricedCart> {
  const now = input.now ?? new Date();
  const cart = await db.cart.findUnique({
    where: { id: input.cartId },
    select: {
      id: true,
      discountCode: true,
      giftCardCodes: true,
      items: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: itemSelect },
    },
  });
  if (!cart) throw new RangeError(`no cart ${input.cartId}`);

  const settings = await getShopSettings(db);
  const own = await ownReservations(
    db,
    cart.id,
    cart.items.map((item) => item.variant.id),
  );
  const lines: PricedLine[] = cart.items.map((item) => {
    const { variant } = item;
    const { product } = variant;
    const picture = variant.image ?? product.images[0] ?? null;
    return {
      id: item.id,
      variantId: variant.id,
      productId: product.id,
      productSlug: product.slug,
      title: product.title,
      variantTitle: variant.title,
      sku: variant.sku,
      imageId: picture?.id ?? null,
      image: picture
        ? {
            id: picture.id,
            alt: picture.alt,
            width: picture.width,
            height: picture.height,
            widths: picture.renditions.map((r) => r.width),
          }
        : null,
      unitPrice: variant.price,
      compareAtPrice: variant.compareAtPrice,
      quantity: item.quantity,
      sellable: sellableFor(variant, own.get(variant.id) ?? 0),
      kind: product.kind,
      taxable: product.taxable,
      available: product.status === "active",
    };
  });
  const totalsLines: CartLine[] = cart.items.map((item, i) => ({
    id: item.id,
    productId: item.variant.product.id,
    categoryIds: item.variant.product.categories.map((c) => c.categoryId),
    unitPrice: item.variant.price,
    quantity: item.quantity,
    taxable: lines[i]!.taxable,
    requiresShipping: lines[i]!.kind === "physical",
  }));

  const destination = input.destination;
  const shippingMethods = destination ? await shippingOptionsFor(destination.country, db) : [];
  const chosen = input.shippingMethodId ? shippingMethods.find((option) => option.id === input.shippingMethodId) : undefined;
  const tax: TaxSetting | undefined = destination ? await taxSettingFor(destination.country, destination.region, db) : undefined;

  const missing: Refusal[] = [];
  let discount: DiscountCode | undefined;
  if (cart.discountCode) {
    const loaded = await loadDiscount(cart.discountCode, input.customerKey ?? null, db);
    if ("unknown" in loaded) missing.push({ source: "discount", code: cart.discountCode, reason: "expired" });
    else discount = loaded;
  }
  const { cards, unknown } = await loadGiftCards(cart.giftCardCodes, db);
  for (const code of unknown) missing.push({ source: "gift_card", code, reason: "no_remaining_balance" });

  const totals = computeTotals({
    currency: settings.currency,
    lines: totalsLines,
    ...(chosen ? { shipping: toShippingMethod(chosen) } : {}),
    ...(tax ? { tax } : {}),
    ...(discount ? { discount } : {}),
    giftCards: cards,
    now,
  });
  totals.refusals.push(...missing);

  return {
    cartId: cart.id,
    currency: settings.currency,
    lines,
    totals,
    discountCode: cart.discountCode,
    giftCardCodes: cart.giftCardCodes,
    shippingMethods,
  };
}
