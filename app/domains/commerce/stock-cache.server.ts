// Storefront pages show stock ("Only 2 left", "Out of stock") from the cache. Whatever changes what a
// variant can sell (a checkout reserving, a reservation released, stock taken or given back) queues this
// job in its own transaction, so the cache is refreshed only once the change is committed (the outbox
// runs it after the commit; a rolled-back checkout refreshes nothing).
//   product page  its tag is always invalidated;
//   listings      invalidated when stock came back (a sold-out badge may have to go) or when a product
//                 has nothing left to sell (the badge must appear) — not on every sale, so listing
//                 pages stay cached during a busy day.
import { z } from "zod";
import { defineJob } from "~/domains/platform/jobs/define";
import { enqueueJob } from "~/domains/platform/outbox/outbox.server";
import { getCache } from "~/infra/cache.server";
import { prisma, type Tx } from "~/infra/db.server";
import { CATALOGUE_TAG, productTag } from "./cache-tags";

export const stockCacheRefreshJob = defineJob({
  name: "storefront_stock_refresh",
  queue: "maintenance",
  description: "Refreshes the storefront's cached stock state after a checkout, cancellation or restock.",
  payload: z.object({ variantIds: z.array(z.string()).min(1).max(1000), direction: z.enum(["down", "up"]) }).strict(),
  attempts: 3,
  backoffMs: 1000,
  handler: async ({ variantIds, direction }) => {
    const variants = await prisma.productVariant.findMany({
      where: { id: { in: variantIds } },
      select: { productId: true },
    });
    const productIds = [...new Set(variants.map((v) => v.productId))];
    if (productIds.length === 0) return { invalidated: 0 };
    const soldOut =
      direction === "down"
        ? await prisma.product.count({
            where: {
              id: { in: productIds },
              variants: {
                none: { OR: [{ trackInventory: false }, { stockOnHand: { gt: prisma.productVariant.fields.stockReserved } }] },
              },
            },
          })
        : 0;
    const tags = productIds.map(productTag);
    if (direction === "up" || soldOut > 0) tags.push(CATALOGUE_TAG);
    await getCache().invalidateTags(tags);
    return { invalidated: tags.length };
  },
});

/** Queue the refresh in the transaction that changes the stock of these variants. */
export async function refreshStockCache(tx: Tx, variantIds: readonly string[], direction: "down" | "up"): Promise<void> {
  const unique = [...new Set(variantIds)];
  if (unique.length === 0) return;
  await enqueueJob(tx, stockCacheRefreshJob, { variantIds: unique, direction });
}
