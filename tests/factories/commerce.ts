// Commerce test data as real rows: products with variants and stock, categories, shipping, tax,
// discounts, gift cards (with their ledger's first entry) and orders in any status. Integration and
// e2e tests build the shop they need with these instead of clicking through the admin.
import { randomUUID } from "node:crypto";
import type { DiscountKind, OrderStatus, PaymentMethod, ProductKind, ProductStatus } from "~/generated/prisma/client";
import { prisma } from "~/infra/db.server";

const short = () => randomUUID().slice(0, 8);

export type VariantInput = {
  sku?: string;
  title?: string;
  optionValues?: string[];
  price: number;
  compareAtPrice?: number | null;
  stock?: number;
  trackInventory?: boolean;
  weightGrams?: number | null;
};

export async function createCategory({
  name = `Category ${short()}`,
  slug,
  parentId = null,
}: { name?: string; slug?: string; parentId?: string | null } = {}) {
  return prisma.category.create({
    data: { name, slug: slug ?? name.toLowerCase().replace(/[^a-z0-9]+/g, "-"), parentId },
  });
}

export async function createCollection({ title = `Collection ${short()}`, slug }: { title?: string; slug?: string } = {}) {
  return prisma.collection.create({ data: { title, slug: slug ?? title.toLowerCase().replace(/[^a-z0-9]+/g, "-") } });
}

/** A product with its variants (one $20.00 variant with 10 in stock unless told otherwise). */
export async function createProduct({
  title = `Product ${short()}`,
  slug,
  status = "active",
  kind = "physical",
  descriptionHtml = "<p>A fine product.</p>",
  optionNames = [],
  taxable = true,
  variants = [{ price: 2000, stock: 10 }],
  categoryIds = [],
  collectionIds = [],
}: {
  title?: string;
  slug?: string;
  status?: ProductStatus;
  kind?: ProductKind;
  descriptionHtml?: string;
  optionNames?: string[];
  taxable?: boolean;
  variants?: VariantInput[];
  categoryIds?: string[];
  collectionIds?: string[];
} = {}) {
  const productSlug = slug ?? `${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${short()}`;
  return prisma.product.create({
    data: {
      title,
      slug: productSlug,
      status,
      kind,
      descriptionHtml,
      searchText: descriptionHtml.replace(/<[^>]+>/g, " "),
      optionNames,
      taxable,
      minPrice: Math.min(...variants.map((v) => v.price)),
      publishedAt: status === "active" ? new Date() : null,
      variants: {
        create: variants.map((v, position) => ({
          sku: v.sku ?? `SKU-${short().toUpperCase()}`,
          title: v.title ?? (v.optionValues ?? []).join(" / "),
          optionValues: v.optionValues ?? [],
          price: v.price,
          compareAtPrice: v.compareAtPrice ?? null,
          stockOnHand: v.stock ?? 0,
          trackInventory: v.trackInventory ?? true,
          weightGrams: v.weightGrams ?? null,
          position,
        })),
      },
      categories: { create: categoryIds.map((categoryId) => ({ categoryId })) },
      collections: { create: collectionIds.map((collectionId, position) => ({ collectionId, position })) },
    },
    include: { variants: { orderBy: { position: "asc" } } },
  });
}

/** A zone (default: the United States) with one flat-rate method. */
export async function createShippingZone({
  name = "Domestic",
  countries = ["US"],
  methods = [{ name: "Standard", rate: 500, freeAbove: null }],
}: {
  name?: string;
  countries?: string[];
  methods?: Array<{ name: string; rate: number; freeAbove?: number | null; isActive?: boolean }>;
} = {}) {
  return prisma.shippingZone.create({
    data: {
      name,
      countries,
      methods: {
        create: methods.map((m, position) => ({
          name: m.name,
          rate: m.rate,
          freeAbove: m.freeAbove ?? null,
          isActive: m.isActive ?? true,
          position,
        })),
      },
    },
    include: { methods: { orderBy: { position: "asc" } } },
  });
}

export async function createTaxRate({
  name = "Sales tax",
  country = "US",
  region = "",
  rateBasisPoints = 1000,
  shippingTaxable = false,
}: { name?: string; country?: string; region?: string; rateBasisPoints?: number; shippingTaxable?: boolean } = {}) {
  return prisma.taxRate.create({ data: { name, country, region, rateBasisPoints, shippingTaxable } });
}

export async function createDiscount({
  code = `SAVE${short().toUpperCase()}`,
  kind = "percentage",
  value = 1000,
  ...rest
}: {
  code?: string;
  kind?: DiscountKind;
  value?: number;
  startsAt?: Date | null;
  endsAt?: Date | null;
  minSubtotal?: number | null;
  usageLimit?: number | null;
  usedCount?: number;
  perCustomerLimit?: number | null;
  productIds?: string[];
  categoryIds?: string[];
  isActive?: boolean;
} = {}) {
  return prisma.discount.create({ data: { code: code.toUpperCase(), kind, value, ...rest } });
}

/** A gift card and its ledger's "issue" entry. */
export async function createGiftCard({
  code = `GC${short().toUpperCase()}${short().toUpperCase()}`,
  balance = 5000,
  expiresAt = null,
  isActive = true,
}: { code?: string; balance?: number; expiresAt?: Date | null; isActive?: boolean } = {}) {
  return prisma.giftCard.create({
    data: {
      code,
      initialBalance: balance,
      balance,
      expiresAt,
      isActive,
      entries: { create: { kind: "issue", amount: balance, balanceAfter: balance, reason: "test" } },
    },
  });
}

/**
 * An order row as checkout would leave it, in any status, for tests of what comes after checkout
 * (admin actions, account pages, reviews, API). Totals are the plain sum of the lines (no tax,
 * discount or shipping) unless given.
 */
export async function createOrder({
  userId = null,
  email = `buyer-${short()}@example.com`,
  status = "paid",
  paymentMethod = "offline",
  items,
  shippingTotal = 0,
  taxTotal = 0,
  giftCardTotal = 0,
  placedAt = new Date(),
}: {
  userId?: string | null;
  email?: string;
  status?: OrderStatus;
  paymentMethod?: PaymentMethod;
  items: Array<{ variantId: string; quantity: number }>;
  shippingTotal?: number;
  taxTotal?: number;
  giftCardTotal?: number;
  placedAt?: Date;
}) {
  const variants = await prisma.productVariant.findMany({
    where: { id: { in: items.map((i) => i.variantId) } },
    include: { product: { select: { id: true, title: true, kind: true } } },
  });
  const lines = items.map((item) => {
    const v = variants.find((row) => row.id === item.variantId);
    if (!v) throw new Error(`no variant ${item.variantId}`);
    return {
      productId: v.productId,
      variantId: v.id,
      title: v.product.title,
      variantTitle: v.title,
      sku: v.sku,
      unitPrice: v.price,
      quantity: item.quantity,
      lineTotal: v.price * item.quantity,
      requiresShipping: v.product.kind === "physical",
      isDigital: v.product.kind === "digital",
    };
  });
  const merchandiseSubtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  const grandTotal = merchandiseSubtotal + shippingTotal + taxTotal;
  const paid = status !== "pending_payment" && status !== "cancelled";
  return prisma.order.create({
    data: {
      number: `VS-${short().slice(0, 4).toUpperCase()}-${short().slice(0, 4).toUpperCase()}`,
      userId,
      email,
      status,
      paymentMethod,
      currency: "USD",
      merchandiseSubtotal,
      shippingTotal,
      taxTotal,
      giftCardTotal,
      grandTotal,
      amountDue: grandTotal - giftCardTotal,
      shipName: "Ada Lovelace",
      shipLine1: "1 Main St",
      shipCity: "Springfield",
      shipRegion: "IL",
      shipPostalCode: "62701",
      shipCountry: "US",
      placedAt,
      paidAt: paid ? placedAt : null,
      fulfilledAt: ["fulfilled", "delivered"].includes(status) ? placedAt : null,
      deliveredAt: status === "delivered" ? placedAt : null,
      items: { create: lines },
    },
    include: { items: true },
  });
}
