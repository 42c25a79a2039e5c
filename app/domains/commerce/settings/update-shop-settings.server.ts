// Saving the shop settings (the one row, id 1, created on first save). The currency is fixed once
// the shop has taken an order: amounts are stored in minor units, so switching USD to JPY would
// silently turn every price and past order into a different amount. A currency change (before any
// order) drops every cached storefront page, since they all show prices.
import { recordAudit } from "~/domains/platform/audit.server";
import { DomainError } from "~/domains/errors";
import { getCache } from "~/infra/cache.server";
import { prisma } from "~/infra/db.server";
import { logger } from "~/infra/logger.server";
import { CATALOGUE_TAG, productTag } from "../cache-tags";
import { getShopSettings, SHOP_SETTINGS_ID } from "../shop-settings.server";
import type { ShopSettingsFormValue } from "./shop-settings-form";

type Actor = { actorId: string | null; ipAddress?: string | null };

export async function updateShopSettings(input: ShopSettingsFormValue, actor: Actor): Promise<{ currencyChanged: boolean }> {
  const { currencyChanged } = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('shop-settings'))`;
    const before = await getShopSettings(tx);
    const currencyChanged = before.currency !== input.currency;
    if (currencyChanged && (await tx.order.count({ take: 1 })) > 0) {
      throw new DomainError("currency_locked", "The currency cannot change once the shop has orders.");
    }
    await tx.shopSettings.upsert({
      where: { id: SHOP_SETTINGS_ID },
      create: { id: SHOP_SETTINGS_ID, ...input },
      update: input,
    });
    await recordAudit(
      {
        actorId: actor.actorId,
        ipAddress: actor.ipAddress ?? null,
        action: "shop_settings.update",
        entityType: "ShopSettings",
        entityId: String(SHOP_SETTINGS_ID),
        before,
        after: input,
      },
      tx,
    );
    return { currencyChanged };
  });
  if (currencyChanged) {
    const products = await prisma.product.findMany({ select: { id: true } });
    await getCache()
      .invalidateTags([CATALOGUE_TAG, ...products.map((p) => productTag(p.id))])
      .catch((error: unknown) => logger.warn({ err: error }, "shop settings: cache invalidation failed"));
  }
  return { currencyChanged };
}
