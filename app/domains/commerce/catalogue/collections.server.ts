// Collections: hand-picked, ordered lists of products ("Summer picks"). Products are added at the
// end, moved up/down and removed; positions are renumbered 0..n-1 under a row lock.
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma, type Tx } from "~/infra/db.server";
import { invalidateCatalogue, type CatalogueActor } from "./catalogue-cache.server";
import { slugify } from "./product-input";
import { slugRace } from "./unique-violation";

export type CollectionInput = { title: string; slug?: string; description: string; isPublished: boolean; position: number };

export async function listCollectionsForAdmin() {
  return prisma.collection.findMany({
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: { id: true, title: true, slug: true, isPublished: true, position: true, _count: { select: { products: true } } },
  });
}

export async function getCollectionForAdmin(id: string) {
  return prisma.collection.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      slug: true,
      description: true,
      isPublished: true,
      position: true,
      products: {
        orderBy: [{ position: "asc" }, { productId: "asc" }],
        select: { position: true, product: { select: { id: true, title: true, status: true, slug: true } } },
      },
    },
  });
}

async function checkSlug(tx: Tx, input: CollectionInput, id: string | null): Promise<string> {
  const slug = input.slug || slugify(input.title);
  const clash = await tx.collection.findUnique({ where: { slug }, select: { id: true } });
  if (clash && clash.id !== id) throw new DomainError("slug_taken", "Another collection already uses this slug", { slug });
  return slug;
}

async function productIdsOf(tx: Tx, collectionId: string) {
  return (await tx.collectionProduct.findMany({ where: { collectionId }, select: { productId: true } })).map((r) => r.productId);
}

export async function createCollection(input: CollectionInput, actor: CatalogueActor): Promise<{ id: string }> {
  const id = await slugRace("Collection_slug_key", () =>
    prisma.$transaction(async (tx) => {
      const slug = await checkSlug(tx, input, null);
      const row = await tx.collection.create({ data: { ...input, slug }, select: { id: true } });
      await recordAudit(
        {
          actorId: actor.actorId,
          ipAddress: actor.ipAddress,
          action: "collection.create",
          entityType: "collection",
          entityId: row.id,
          after: { ...input, slug },
        },
        tx,
      );
      return row.id;
    }),
  );
  await invalidateCatalogue();
  return { id };
}

export async function updateCollection(id: string, input: CollectionInput, actor: CatalogueActor): Promise<void> {
  const products = await slugRace("Collection_slug_key", () =>
    prisma.$transaction(async (tx) => {
      const before = await tx.collection.findUnique({
        where: { id },
        select: { title: true, slug: true, description: true, isPublished: true, position: true },
      });
      if (!before) throw new DomainError("not_found", "This collection does not exist", { entity: "collection" });
      const slug = await checkSlug(tx, input, id);
      await tx.collection.update({ where: { id }, data: { ...input, slug } });
      await recordAudit(
        {
          actorId: actor.actorId,
          ipAddress: actor.ipAddress,
          action: "collection.update",
          entityType: "collection",
          entityId: id,
          before,
          after: { ...input, slug },
        },
        tx,
      );
      return productIdsOf(tx, id);
    }),
  );
  await invalidateCatalogue(products);
}

export async function deleteCollection(id: string, actor: CatalogueActor): Promise<void> {
  const products = await prisma.$transaction(async (tx) => {
    const before = await tx.collection.findUnique({ where: { id }, select: { title: true, slug: true } });
    if (!before) throw new DomainError("not_found", "This collection does not exist", { entity: "collection" });
    const ids = await productIdsOf(tx, id);
    await tx.collection.delete({ where: { id } });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "collection.delete",
        entityType: "collection",
        entityId: id,
        before: { ...before, productIds: ids },
      },
      tx,
    );
    return ids;
  });
  await invalidateCatalogue(products);
}

async function lockCollection(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Collection" WHERE "id" = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new DomainError("not_found", "This collection does not exist", { entity: "collection" });
}

async function renumber(tx: Tx, collectionId: string, order: string[]) {
  for (const [position, productId] of order.entries()) {
    await tx.collectionProduct.update({ where: { collectionId_productId: { collectionId, productId } }, data: { position } });
  }
}

/** Add a product (found by id or exact slug) at the end; already there → { changed: false }. */
export async function addToCollection(input: { collectionId: string; product: string }, actor: CatalogueActor) {
  const changed = await prisma.$transaction(async (tx) => {
    await lockCollection(tx, input.collectionId);
    const product = await tx.product.findFirst({
      where: { OR: [{ id: input.product }, { slug: input.product.trim().toLowerCase() }] },
      select: { id: true },
    });
    if (!product) throw new DomainError("not_found", "No product has this slug", { entity: "product" });
    const existing = await tx.collectionProduct.findUnique({
      where: { collectionId_productId: { collectionId: input.collectionId, productId: product.id } },
    });
    if (existing) return null;
    const last = await tx.collectionProduct.aggregate({ where: { collectionId: input.collectionId }, _max: { position: true } });
    await tx.collectionProduct.create({
      data: { collectionId: input.collectionId, productId: product.id, position: (last._max.position ?? -1) + 1 },
    });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "collection.product.add",
        entityType: "collection",
        entityId: input.collectionId,
        after: { productId: product.id },
      },
      tx,
    );
    return product.id;
  });
  if (changed) await invalidateCatalogue([changed]);
  return { changed: changed !== null };
}

export async function removeFromCollection(input: { collectionId: string; productId: string }, actor: CatalogueActor) {
  const changed = await prisma.$transaction(async (tx) => {
    await lockCollection(tx, input.collectionId);
    const result = await tx.collectionProduct.deleteMany({
      where: { collectionId: input.collectionId, productId: input.productId },
    });
    if (result.count === 0) return false;
    const order = await tx.collectionProduct.findMany({
      where: { collectionId: input.collectionId },
      orderBy: [{ position: "asc" }, { productId: "asc" }],
      select: { productId: true },
    });
    await renumber(
      tx,
      input.collectionId,
      order.map((r) => r.productId),
    );
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "collection.product.remove",
        entityType: "collection",
        entityId: input.collectionId,
        before: { productId: input.productId },
      },
      tx,
    );
    return true;
  });
  if (changed) await invalidateCatalogue([input.productId]);
  return { changed };
}

export async function moveInCollection(
  input: { collectionId: string; productId: string; direction: "up" | "down" },
  actor: CatalogueActor,
) {
  const changed = await prisma.$transaction(async (tx) => {
    await lockCollection(tx, input.collectionId);
    const order = (
      await tx.collectionProduct.findMany({
        where: { collectionId: input.collectionId },
        orderBy: [{ position: "asc" }, { productId: "asc" }],
        select: { productId: true },
      })
    ).map((r) => r.productId);
    const index = order.indexOf(input.productId);
    if (index < 0) throw new DomainError("not_found", "This product is not in the collection", { entity: "product" });
    const target = input.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= order.length) return false;
    [order[index], order[target]] = [order[target]!, order[index]!];
    await renumber(tx, input.collectionId, order);
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "collection.product.move",
        entityType: "collection",
        entityId: input.collectionId,
        after: { order },
      },
      tx,
    );
    return true;
  });
  if (changed) await invalidateCatalogue();
  return { changed };
}
