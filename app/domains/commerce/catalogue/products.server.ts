// Products and their variants: create and update (admin forms and the API's POST/PATCH both come
// here), with sanitized description, unique slug and SKUs, option layout checks, stock changes as
// inventory adjustments, the derived columns (minPrice, searchText), audit, and cache invalidation
// after commit. Expected failures throw DomainError: invalid_input, slug_taken, sku_taken,
// not_found, invalid_options, variant_reserved.
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import type { Prisma } from "~/generated/prisma/client";
import { prisma, type Tx } from "~/infra/db.server";
import { sanitizeHtml } from "~/infra/sanitize.server";
import { invalidateCatalogue, type CatalogueActor } from "./catalogue-cache.server";
import { refreshProductDerived } from "./product-derived.server";
import { violatedConstraint } from "./unique-violation";
import {
  findOptionProblem,
  ProductInputSchema,
  ProductPatchSchema,
  slugify,
  variantTitle,
  type ProductInput,
  type ProductPatch,
  type VariantInput,
} from "./product-input";

export { ProductInputSchema, ProductPatchSchema, type ProductInput, type ProductPatch } from "./product-input";

function parseOrThrow<T>(
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: unknown[] } } },
  input: unknown,
): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new DomainError("invalid_input", "The product is not valid", { issues: result.error.issues });
  return result.data;
}

function optionsError(problem: NonNullable<ReturnType<typeof findOptionProblem>>): DomainError {
  if (problem.kind === "duplicate_sku") return new DomainError("sku_taken", "Two variants share a SKU", { index: problem.index });
  return new DomainError("invalid_options", "Each variant needs one distinct value per option", { ...problem });
}

function uniqueTarget(error: unknown): "slug" | "sku" | null {
  const constraint = violatedConstraint(error);
  return constraint === "ProductVariant_sku_key" ? "sku" : constraint === "Product_slug_key" ? "slug" : null;
}

async function mapUnique<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const target = uniqueTarget(error);
    if (target === "sku") throw new DomainError("sku_taken", "This SKU is already used by another variant");
    if (target === "slug") throw new DomainError("slug_taken", "Another product already uses this slug");
    throw error;
  }
}

/** An explicit slug must be free; a generated one gets "-2", "-3"… until it is. */
async function resolveSlug(tx: Tx, requested: string | undefined, title: string, productId: string | null): Promise<string> {
  const taken = async (slug: string) => {
    const row = await tx.product.findUnique({ where: { slug }, select: { id: true } });
    return row !== null && row.id !== productId;
  };
  if (requested) {
    if (await taken(requested))
      throw new DomainError("slug_taken", "Another product already uses this slug", { slug: requested });
    return requested;
  }
  const base = slugify(title);
  for (let n = 1; n < 1000; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new DomainError("slug_taken", "Another product already uses this slug", { slug: base });
}

async function assertSkusFree(tx: Tx, variants: VariantInput[], productId: string | null): Promise<void> {
  const clash = await tx.productVariant.findFirst({
    where: {
      sku: { in: variants.map((v) => v.sku), mode: "insensitive" },
      ...(productId ? { productId: { not: productId } } : {}),
    },
    select: { sku: true },
  });
  if (clash) throw new DomainError("sku_taken", `The SKU ${clash.sku} is already used by another product`, { sku: clash.sku });
}

async function assertCategories(tx: Tx, categoryIds: string[]): Promise<void> {
  const unique = [...new Set(categoryIds)];
  const found = await tx.category.count({ where: { id: { in: unique } } });
  if (found !== unique.length) throw new DomainError("not_found", "A category does not exist", { entity: "category" });
}

async function assertImages(tx: Tx, productId: string | null, variants: VariantInput[]): Promise<void> {
  const imageIds = [...new Set(variants.map((v) => v.imageId).filter((id): id is string => !!id))];
  if (imageIds.length === 0) return;
  const found = productId ? await tx.productImage.count({ where: { id: { in: imageIds }, productId } }) : 0;
  if (found !== imageIds.length)
    throw new DomainError("not_found", "An image does not belong to this product", { entity: "image" });
}

function variantData(variant: VariantInput, position: number) {
  return {
    sku: variant.sku,
    title: variant.title || variantTitle(variant.optionValues),
    optionValues: variant.optionValues,
    price: variant.price,
    compareAtPrice: variant.compareAtPrice ?? null,
    trackInventory: variant.trackInventory,
    weightGrams: variant.weightGrams ?? null,
    position,
  };
}

type AuditSnapshot = Prisma.InputJsonValue;

async function snapshot(tx: Tx, productId: string): Promise<AuditSnapshot> {
  const p = await tx.product.findUniqueOrThrow({
    where: { id: productId },
    select: {
      title: true,
      slug: true,
      status: true,
      kind: true,
      taxable: true,
      optionNames: true,
      seoTitle: true,
      seoDescription: true,
      minPrice: true,
      categories: { select: { categoryId: true } },
      variants: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          sku: true,
          optionValues: true,
          price: true,
          compareAtPrice: true,
          trackInventory: true,
          stockOnHand: true,
        },
      },
    },
  });
  return { ...p, categories: p.categories.map((c) => c.categoryId) } as AuditSnapshot;
}

async function recordInitialStock(tx: Tx, variantId: string, stock: number, actor: CatalogueActor) {
  if (stock <= 0) return;
  await tx.inventoryAdjustment.create({
    data: { variantId, delta: stock, stockAfter: stock, reason: "Initial stock", actorId: actor.actorId },
  });
}

export async function createProduct(input: ProductInput, actor: CatalogueActor): Promise<{ id: string }> {
  const value = parseOrThrow<ProductInput>(ProductInputSchema, input);
  const problem = findOptionProblem(value.optionNames, value.variants);
  if (problem) throw optionsError(problem);
  if (value.variants.some((v) => v.imageId))
    throw new DomainError("not_found", "A new product has no images yet", { entity: "image" });
  const id = await mapUnique(() =>
    prisma.$transaction(async (tx) => {
      const slug = await resolveSlug(tx, value.slug, value.title, null);
      await assertSkusFree(tx, value.variants, null);
      await assertCategories(tx, value.categoryIds);
      const product = await tx.product.create({
        data: {
          title: value.title,
          slug,
          status: value.status,
          kind: value.kind,
          descriptionHtml: sanitizeHtml(value.descriptionHtml),
          seoTitle: value.seoTitle || null,
          seoDescription: value.seoDescription || null,
          taxable: value.taxable,
          optionNames: value.optionNames,
          publishedAt: value.status === "active" ? new Date() : null,
          categories: { create: [...new Set(value.categoryIds)].map((categoryId) => ({ categoryId })) },
        },
        select: { id: true },
      });
      for (const [position, variant] of value.variants.entries()) {
        const stock = variant.stockOnHand ?? 0;
        const row = await tx.productVariant.create({
          data: { ...variantData(variant, position), productId: product.id, stockOnHand: stock },
          select: { id: true },
        });
        await recordInitialStock(tx, row.id, stock, actor);
      }
      await refreshProductDerived(tx, product.id);
      await recordAudit(
        {
          actorId: actor.actorId,
          ipAddress: actor.ipAddress,
          action: "product.create",
          entityType: "product",
          entityId: product.id,
          after: await snapshot(tx, product.id),
        },
        tx,
      );
      return product.id;
    }),
  );
  await invalidateCatalogue([id]);
  return { id };
}

/** Set an existing variant's stock to an absolute number (API/admin edit) as an adjustment row. */
async function setStock(tx: Tx, variantId: string, target: number, actor: CatalogueActor) {
  const rows = await tx.$queryRaw<Array<{ delta: number; stockAfter: number }>>`
    WITH old AS (SELECT "stockOnHand" FROM "ProductVariant" WHERE "id" = ${variantId} FOR UPDATE)
    UPDATE "ProductVariant" v SET "stockOnHand" = ${target}, "updatedAt" = now()
    FROM old WHERE v."id" = ${variantId} AND v."stockReserved" <= ${target}
    RETURNING (${target} - old."stockOnHand")::int AS "delta", v."stockOnHand" AS "stockAfter"`;
  const row = rows[0];
  if (!row)
    throw new DomainError("stock_below_reserved", "Stock cannot go below what open checkouts have reserved", { variantId });
  if (row.delta !== 0) {
    await tx.inventoryAdjustment.create({
      data: { variantId, delta: row.delta, stockAfter: row.stockAfter, reason: "Product edit", actorId: actor.actorId },
    });
  }
}

async function replaceVariants(tx: Tx, productId: string, variants: VariantInput[], actor: CatalogueActor) {
  const existing = await tx.productVariant.findMany({
    where: { productId },
    select: { id: true, sku: true, stockReserved: true },
  });
  const byId = new Map(existing.map((v) => [v.id, v]));
  const bySku = new Map(existing.map((v) => [v.sku.toUpperCase(), v]));
  const matched = variants.map((variant) => {
    if (variant.id) {
      const row = byId.get(variant.id);
      if (!row)
        throw new DomainError("not_found", "This variant does not belong to the product", { entity: "variant", id: variant.id });
      return row;
    }
    return bySku.get(variant.sku.toUpperCase()) ?? null;
  });
  const keep = new Set(matched.filter((m) => m !== null).map((m) => m.id));
  const removed = existing.filter((v) => !keep.has(v.id));
  const reserved = removed.find((v) => v.stockReserved > 0);
  if (reserved)
    throw new DomainError("variant_reserved", "A variant with reserved stock cannot be removed", { sku: reserved.sku });
  if (removed.length > 0) {
    // Conditional: a checkout may reserve one of these between the read above and this delete (the
    // product lock does not stop it); the delete then skips that row and the edit is refused.
    const deleted = await tx.productVariant.deleteMany({ where: { id: { in: removed.map((v) => v.id) }, stockReserved: 0 } });
    if (deleted.count !== removed.length) {
      const kept = await tx.productVariant.findFirst({
        where: { id: { in: removed.map((v) => v.id) } },
        select: { sku: true },
      });
      throw new DomainError("variant_reserved", "A variant with reserved stock cannot be removed", {
        sku: kept?.sku ?? removed[0]!.sku,
      });
    }
  }
  // Temporary SKUs first, so swapping two SKUs between variants does not trip the unique index.
  for (const row of matched) {
    if (row) await tx.productVariant.update({ where: { id: row.id }, data: { sku: `~${row.id}` } });
  }
  for (const [position, variant] of variants.entries()) {
    const row = matched[position];
    if (row) {
      await tx.productVariant.update({
        where: { id: row.id },
        // No imageId in the input (the admin form, a PATCH that leaves it out): keep the variant's image.
        data: { ...variantData(variant, position), ...(variant.imageId !== undefined ? { imageId: variant.imageId } : {}) },
      });
      if (variant.stockOnHand !== undefined) await setStock(tx, row.id, variant.stockOnHand, actor);
    } else {
      const stock = variant.stockOnHand ?? 0;
      const created = await tx.productVariant.create({
        data: { ...variantData(variant, position), productId, stockOnHand: stock, imageId: variant.imageId ?? null },
        select: { id: true },
      });
      await recordInitialStock(tx, created.id, stock, actor);
    }
  }
}

/**
 * A precondition for updateProduct: the product's updatedAt is still `version` (its ISO text when
 * the edit form was drawn); otherwise DomainError `stale_edit`, so one person's save never silently
 * undoes another's (a variant added meanwhile would be dropped as "removed").
 */
export function unchangedSince(id: string, version: string): (tx: Tx) => Promise<void> {
  return async (tx) => {
    const row = await tx.product.findUnique({ where: { id }, select: { updatedAt: true } });
    if (row && row.updatedAt.toISOString() !== version)
      throw new DomainError("stale_edit", "The product changed since the form was opened");
  };
}

/**
 * `precondition` runs under the product's row lock, before anything changes: the API's If-Match
 * compares the ETag there, so no edit can land between the check and the change. It throws to refuse.
 */
export async function updateProduct(
  id: string,
  input: Partial<ProductInput>,
  actor: CatalogueActor,
  precondition?: (tx: Tx) => Promise<void>,
): Promise<{ id: string }> {
  const value = parseOrThrow<ProductPatch>(ProductPatchSchema, input);
  await mapUnique(() =>
    prisma.$transaction(async (tx) => {
      // Lock the product row: concurrent edits of one product apply one after the other.
      const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Product" WHERE "id" = ${id} FOR UPDATE`;
      if (locked.length === 0) throw new DomainError("not_found", "This product does not exist", { entity: "product" });
      if (precondition) await precondition(tx);
      const current = await tx.product.findUniqueOrThrow({
        where: { id },
        select: {
          title: true,
          slug: true,
          publishedAt: true,
          optionNames: true,
          variants: { orderBy: { position: "asc" }, select: { sku: true, optionValues: true } },
        },
      });
      const before = await snapshot(tx, id);
      const optionNames = value.optionNames ?? current.optionNames;
      const problem = findOptionProblem(optionNames, value.variants ?? current.variants);
      if (problem) throw optionsError(problem);
      if (value.variants) {
        await assertSkusFree(tx, value.variants, id);
        await assertImages(tx, id, value.variants);
      }
      if (value.categoryIds) await assertCategories(tx, value.categoryIds);
      const slug =
        value.slug !== undefined && value.slug !== current.slug
          ? await resolveSlug(tx, value.slug, value.title ?? current.title, id)
          : undefined;
      await tx.product.update({
        where: { id },
        data: {
          ...(value.title !== undefined ? { title: value.title } : {}),
          ...(slug ? { slug } : {}),
          ...(value.status !== undefined ? { status: value.status } : {}),
          ...(value.status === "active" && !current.publishedAt ? { publishedAt: new Date() } : {}),
          ...(value.kind !== undefined ? { kind: value.kind } : {}),
          ...(value.descriptionHtml !== undefined ? { descriptionHtml: sanitizeHtml(value.descriptionHtml) } : {}),
          ...(value.seoTitle !== undefined ? { seoTitle: value.seoTitle || null } : {}),
          ...(value.seoDescription !== undefined ? { seoDescription: value.seoDescription || null } : {}),
          ...(value.taxable !== undefined ? { taxable: value.taxable } : {}),
          ...(value.optionNames !== undefined ? { optionNames: value.optionNames } : {}),
        },
      });
      if (value.categoryIds) {
        await tx.productCategory.deleteMany({ where: { productId: id } });
        await tx.productCategory.createMany({
          data: [...new Set(value.categoryIds)].map((categoryId) => ({ productId: id, categoryId })),
        });
      }
      if (value.variants) await replaceVariants(tx, id, value.variants, actor);
      await refreshProductDerived(tx, id);
      await recordAudit(
        {
          actorId: actor.actorId,
          ipAddress: actor.ipAddress,
          action: "product.update",
          entityType: "product",
          entityId: id,
          before,
          after: await snapshot(tx, id),
        },
        tx,
      );
    }),
  );
  await invalidateCatalogue([id]);
  return { id };
}

/**
 * Delete a product that was never sold; one with orders is refused (archive it instead), so order
 * history keeps its product links.
 */
export async function deleteProduct(id: string, actor: CatalogueActor): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id }, select: { id: true, title: true, slug: true } });
    if (!product) throw new DomainError("not_found", "This product does not exist", { entity: "product" });
    // Lock the variants first: a checkout reserving or selling one waits, or has committed and is counted.
    await tx.$queryRaw`SELECT "id" FROM "ProductVariant" WHERE "productId" = ${id} FOR UPDATE`;
    const sold = await tx.orderItem.count({ where: { productId: id } });
    if (sold > 0)
      throw new DomainError("product_has_orders", "A product that has been ordered can only be archived", { count: sold });
    const reserved = await tx.productVariant.count({ where: { productId: id, stockReserved: { gt: 0 } } });
    if (reserved > 0) throw new DomainError("variant_reserved", "A variant with reserved stock cannot be removed");
    await tx.product.delete({ where: { id } });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "product.delete",
        entityType: "product",
        entityId: id,
        before: product,
      },
      tx,
    );
  });
  await invalidateCatalogue([id]);
}
