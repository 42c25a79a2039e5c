// Products for the API: keyset pages (newest first) and one product, serialized through the
// contract; writes go through the catalogue's createProduct/updateProduct (the admin's rules,
// audit rows and cache invalidation), with their refusals mapped onto body fields.
import { DomainError, isDomainError } from "~/domains/errors";
import type { Prisma } from "~/generated/prisma/client";
import { createProduct, updateProduct } from "~/domains/commerce/catalogue/products.server";
import { getShopSettings } from "~/domains/commerce/shop-settings.server";
import { prisma, type Db, type Tx } from "~/infra/db.server";
import { pageOf, type CursorPosition } from "./cursor";
import { etagOf } from "./etag";
import type { ProblemError } from "./problem";
import { ApiProductSchema, toProductInput, type ApiProduct } from "./product-schemas";

const include = {
  variants: { orderBy: { position: "asc" } },
  categories: { select: { categoryId: true } },
} satisfies Prisma.ProductInclude;
type ProductRow = Prisma.ProductGetPayload<{ include: typeof include }>;

export function toApiProduct(product: ProductRow, currency: string): ApiProduct {
  return ApiProductSchema.parse({
    id: product.id,
    slug: product.slug,
    title: product.title,
    status: product.status,
    kind: product.kind,
    description_html: product.descriptionHtml,
    seo_title: product.seoTitle,
    seo_description: product.seoDescription,
    taxable: product.taxable,
    option_names: product.optionNames,
    category_ids: product.categories.map((row) => row.categoryId).sort(),
    min_price: product.minPrice,
    currency,
    variants: product.variants.map((variant) => ({
      id: variant.id,
      sku: variant.sku,
      title: variant.title,
      option_values: variant.optionValues,
      price: variant.price,
      compare_at_price: variant.compareAtPrice,
      track_inventory: variant.trackInventory,
      stock_on_hand: variant.stockOnHand,
      stock_reserved: variant.stockReserved,
      available: variant.trackInventory ? variant.stockOnHand - variant.stockReserved : null,
      weight_grams: variant.weightGrams,
    })),
    published_at: product.publishedAt?.toISOString() ?? null,
    created_at: product.createdAt.toISOString(),
    updated_at: product.updatedAt.toISOString(),
  });
}

export async function listProductsPage({
  after,
  limit,
  status,
  q,
}: {
  after: CursorPosition | null;
  limit: number;
  status?: "draft" | "active" | "archived";
  q?: string;
}): Promise<{ items: ApiProduct[]; nextCursor: string | null }> {
  const and: Prisma.ProductWhereInput[] = [];
  if (status) and.push({ status });
  if (q) {
    and.push({
      OR: [
        { title: { contains: q, mode: "insensitive" } },
        { slug: { contains: q.toLowerCase() } },
        { variants: { some: { sku: { equals: q, mode: "insensitive" } } } },
      ],
    });
  }
  if (after) {
    and.push({ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] });
  }
  const [rows, settings] = await Promise.all([
    prisma.product.findMany({
      where: { AND: and },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      include,
    }),
    getShopSettings(),
  ]);
  const page = pageOf(rows, limit);
  return { items: page.items.map((row) => toApiProduct(row, settings.currency)), nextCursor: page.nextCursor };
}

export async function getApiProduct(productId: string, db: Db | Tx = prisma): Promise<ApiProduct | null> {
  const [row, settings] = await Promise.all([db.product.findUnique({ where: { id: productId }, include }), getShopSettings(db)]);
  return row ? toApiProduct(row, settings.currency) : null;
}

export function productEtag(product: ApiProduct): string {
  return etagOf(JSON.stringify(product));
}

/** A catalogue refusal as a body-field error, or null when it is not about the input. */
export function productFieldError(error: DomainError): ProblemError | null {
  switch (error.code) {
    case "slug_taken":
      return { field: "slug", code: "slug_taken", message: "Another product already uses this slug." };
    case "sku_taken":
      return { field: "variants", code: "sku_taken", message: error.message };
    case "invalid_options":
      return { field: "variants", code: "invalid_options", message: "Each variant needs one distinct value per option name." };
    case "not_found": {
      const entity = (error.details as { entity?: string }).entity;
      if (entity === "category") return { field: "category_ids", code: "not_found", message: "A category does not exist." };
      if (entity === "image")
        return { field: "variants", code: "not_found", message: "An image does not belong to this product." };
      return null;
    }
    case "invalid_input":
      return { field: "(body)", code: "invalid_input", message: error.message };
    case "variant_reserved":
      return { field: "variants", code: "variant_reserved", message: error.message };
    case "stock_below_reserved":
      return { field: "variants", code: "stock_below_reserved", message: error.message };
    default:
      return null;
  }
}

type Actor = { actorId: string; ipAddress: string | null };

export async function createProductFromApi(body: Parameters<typeof toProductInput>[0], actor: Actor): Promise<ApiProduct> {
  const { id } = await createProduct(toProductInput(body) as Parameters<typeof createProduct>[0], actor);
  const product = await getApiProduct(id);
  if (!product) throw new Error(`product ${id} vanished right after it was created`);
  return product;
}

export type ProductPatchOutcome =
  { kind: "updated"; product: ApiProduct } | { kind: "not-found" } | { kind: "precondition-failed"; current: ApiProduct };

/** Applies a PATCH. `If-Match` is compared under the catalogue's row lock, right before the change. */
export async function patchProductFromApi(
  productId: string,
  body: Parameters<typeof toProductInput>[0],
  ifMatch: (etag: string) => boolean,
  actor: Actor,
): Promise<ProductPatchOutcome> {
  let stale = null as ApiProduct | null;
  try {
    await updateProduct(productId, toProductInput(body), actor, async (tx) => {
      const current = await getApiProduct(productId, tx);
      if (current && !ifMatch(productEtag(current))) {
        stale = current;
        throw new DomainError("precondition_failed", "The product changed since that ETag.");
      }
    });
  } catch (error) {
    if (stale && isDomainError(error, "precondition_failed")) return { kind: "precondition-failed", current: stale };
    if (isDomainError(error, "not_found") && (error.details as { entity?: string }).entity === "product")
      return { kind: "not-found" };
    throw error;
  }
  const product = await getApiProduct(productId);
  return product ? { kind: "updated", product } : { kind: "not-found" };
}
