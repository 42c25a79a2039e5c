// After a catalogue transaction commits: drop the storefront pages it changed (listings and the
// products' own pages). A cache outage must not fail the write that already committed.
import { CATALOGUE_TAG, productTag } from "~/domains/commerce/cache-tags";
import { getCache } from "~/infra/cache.server";
import { logger } from "~/infra/logger.server";

export async function invalidateCatalogue(productIds: Iterable<string> = []): Promise<void> {
  const tags = [CATALOGUE_TAG, ...[...new Set(productIds)].map(productTag)];
  try {
    await getCache().invalidateTags(tags);
  } catch (error) {
    logger.warn({ err: error, tags }, "catalogue cache invalidation failed");
  }
}

/** The actor of a catalogue write, for the audit trail. */
export type CatalogueActor = { actorId: string | null; ipAddress?: string | null };
