// The cart's background job: `cart_purge_abandoned` runs daily (schedules.server.ts) and deletes
// anonymous carts whose cookie has expired. Idempotent: a second run finds nothing to delete.
import { z } from "zod";
import { defineJob, type JobDefinition } from "~/domains/platform/jobs/define";
import { logger } from "~/infra/logger.server";
import { purgeAbandonedCarts } from "./abandoned.server";

export const cartPurgeJob = defineJob({
  name: "cart_purge_abandoned",
  queue: "maintenance",
  description: "Deletes anonymous carts untouched for longer than the cart cookie lives (30 days).",
  payload: z.object({}).strict(),
  attempts: 3,
  backoffMs: 60_000,
  handler: async () => {
    const deleted = await purgeAbandonedCarts(new Date());
    if (deleted > 0) logger.info({ deleted }, "abandoned carts deleted");
    return { deleted };
  },
});

export const cartJobs: JobDefinition[] = [cartPurgeJob];
