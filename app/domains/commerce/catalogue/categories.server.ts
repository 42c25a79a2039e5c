// Nested categories: create, edit (no cycles), delete (refused while it has children or products,
// saying how many). Renaming updates the searchText of the products in it.
import { DomainError } from "~/domains/errors";
import { recordAudit } from "~/domains/platform/audit.server";
import { prisma, type Tx } from "~/infra/db.server";
import { invalidateCatalogue, type CatalogueActor } from "./catalogue-cache.server";
import { outline, wouldCreateCycle } from "./category-tree";
import { refreshProductsInCategory } from "./product-derived.server";
import { slugify } from "./product-input";
import { slugRace } from "./unique-violation";

export type CategoryInput = { name: string; slug?: string; description: string; parentId: string | null; position: number };

export async function listCategoriesForAdmin() {
  const rows = await prisma.category.findMany({
    select: {
      id: true,
      name: true,
      slug: true,
      parentId: true,
      position: true,
      _count: { select: { products: true, children: true } },
    },
  });
  return outline(rows.map((r) => ({ ...r, productCount: r._count.products, childCount: r._count.children })));
}

export async function getCategory(id: string) {
  return prisma.category.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      parentId: true,
      position: true,
      _count: { select: { products: true, children: true } },
    },
  });
}

async function checkSlugAndParent(tx: Tx, input: CategoryInput, id: string | null): Promise<string> {
  const slug = input.slug || slugify(input.name);
  const clash = await tx.category.findUnique({ where: { slug }, select: { id: true } });
  if (clash && clash.id !== id) throw new DomainError("slug_taken", "Another category already uses this slug", { slug });
  if (input.parentId) {
    const all = await tx.category.findMany({ select: { id: true, parentId: true } });
    if (!all.some((c) => c.id === input.parentId))
      throw new DomainError("not_found", "The parent category does not exist", { entity: "parent" });
    if (id && wouldCreateCycle(all, id, input.parentId))
      throw new DomainError("category_cycle", "A category cannot sit inside itself or its own subcategory");
  }
  return slug;
}

export async function createCategory(input: CategoryInput, actor: CatalogueActor): Promise<{ id: string }> {
  const id = await slugRace("Category_slug_key", () =>
    prisma.$transaction(async (tx) => {
      const slug = await checkSlugAndParent(tx, input, null);
      const row = await tx.category.create({
        data: { name: input.name, slug, description: input.description, parentId: input.parentId, position: input.position },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: actor.actorId,
          ipAddress: actor.ipAddress,
          action: "category.create",
          entityType: "category",
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

export async function updateCategory(id: string, input: CategoryInput, actor: CatalogueActor): Promise<void> {
  const touched = await slugRace("Category_slug_key", () =>
    prisma.$transaction(async (tx) => {
      // One category move at a time: two concurrent moves could otherwise each pass the cycle check.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('verso:category-tree'))`;
      const before = await tx.category.findUnique({
        where: { id },
        select: { name: true, slug: true, description: true, parentId: true, position: true },
      });
      if (!before) throw new DomainError("not_found", "This category does not exist", { entity: "category" });
      const slug = await checkSlugAndParent(tx, input, id);
      await tx.category.update({
        where: { id },
        data: { name: input.name, slug, description: input.description, parentId: input.parentId, position: input.position },
      });
      await recordAudit(
        {
          actorId: actor.actorId,
          ipAddress: actor.ipAddress,
          action: "category.update",
          entityType: "category",
          entityId: id,
          before,
          after: { ...input, slug },
        },
        tx,
      );
      return before.name !== input.name ? await refreshProductsInCategory(tx, id) : [];
    }),
  );
  await invalidateCatalogue(touched);
}

/** Refused while the category has subcategories or products (the counts come with the error). */
export async function deleteCategory(id: string, actor: CatalogueActor): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('verso:category-tree'))`;
    const row = await tx.category.findUnique({
      where: { id },
      select: { name: true, slug: true, _count: { select: { products: true, children: true } } },
    });
    if (!row) throw new DomainError("not_found", "This category does not exist", { entity: "category" });
    if (row._count.children > 0 || row._count.products > 0) {
      throw new DomainError("category_in_use", "Move its subcategories and products first", {
        children: row._count.children,
        products: row._count.products,
      });
    }
    await tx.category.delete({ where: { id } });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress,
        action: "category.delete",
        entityType: "category",
        entityId: id,
        before: { name: row.name, slug: row.slug },
      },
      tx,
    );
  });
  await invalidateCatalogue();
}
