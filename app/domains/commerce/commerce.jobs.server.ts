// Commerce background jobs. `commerce_reservation_expiry` runs every minute (schedules.server.ts):
// it releases stock held by checkouts past their reservation and cancels Stripe orders whose payment
// did not arrive in time. Idempotent by nature: a second run finds nothing left to release.
import { z } from "zod";
import { defineJob, type JobDefinition } from "~/domains/platform/jobs/define";
import { logger } from "~/infra/logger.server";
import { releaseExpiredReservations } from "./checkout/expiry.server";
import { stockCacheRefreshJob } from "./stock-cache.server";

export const reservationExpiryJob = defineJob({
  name: "commerce_reservation_expiry",
  queue: "maintenance",
  description: "Releases stock reserved by checkouts past their time and cancels unpaid Stripe orders.",
  payload: z.object({}).strict(),
  attempts: 3,
  backoffMs: 10_000,
  handler: async () => {
    const result = await releaseExpiredReservations(new Date());
    if (result.checkoutsExpired + result.ordersCancelled + result.unitsReleased > 0) {
      logger.info({ result }, "expired reservations released");
    }
    return result;
  },
});

export const commerceJobs: JobDefinition[] = [reservationExpiryJob, stockCacheRefreshJob];
