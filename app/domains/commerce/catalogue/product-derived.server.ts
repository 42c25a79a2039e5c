// The columns the catalogue keeps derived from a product's variants and categories, so listings
// can sort and search without joins: Product.minPrice and Product.searchText. Called in the
// transaction of every write that can change them.
import type { Tx } from "~/infra/db.server";
import { buildSearchText } from "./search-text";

export async function refreshProductDerived(tx: Tx, productId: string): Promise<void> {
  const product = await tx.product.findUnique({
    where: { id: productId },
    select: {
      descriptionHtml: true,
      variants: { select: { sku: true, optionValues: true, price: true } },
      categories: { select: { category: { select: { name: true } } } },
    },
  });
  if (!product) return;
  const prices = product.variants.map((v) => v.price);
  await tx.product.update({
    where: { id: productId },
    data: {
      minPrice: prices.length > 0 ? Math.min(...prices) : 0,
      searchText: buildSearchText({
        descriptionHtml: product.descriptionHtml,
        skus: product.variants.map((v) => v.sku),
        optionValues: product.variants.flatMap((v) => v.optionValues),
        categoryNames: product.categories.map((c) => c.category.name),
      }),
    },
  });
}

/** Every product in these categories (a category was renamed: their searchText names it). */
export async function refreshProductsInCategory(tx: Tx, categoryId: string): Promise<string[]> {
  const links = await tx.productCategory.findMany({ where: { categoryId }, select: { productId: true } });
  for (const { productId } of links) await refreshProductDerived(tx, productId);
  return links.map((l) => l.productId);
}
