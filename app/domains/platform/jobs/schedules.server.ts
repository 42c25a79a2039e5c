// Repeatable jobs, defined in code. The worker registers them as BullMQ job schedulers (and removes
// schedulers no longer listed here); in embedded mode the web process runs them on the same cron.
import type { JobDefinition } from "./define";
import { cleanupJob } from "./cleanup.job.server";
import { reservationExpiryJob } from "~/domains/commerce/commerce.jobs.server";
import { cartPurgeJob } from "~/domains/commerce/cart/cart.jobs.server";

export type Schedule = { id: string; pattern: string; job: JobDefinition; payload: unknown; description: string };

/** Cron patterns are in UTC. */
export const SCHEDULES: Schedule[] = [
  { id: "cleanup-hourly", pattern: "17 * * * *", job: cleanupJob, payload: {}, description: "Hourly retention cleanup" },
  {
    id: "commerce-reservation-expiry",
    pattern: "* * * * *",
    job: reservationExpiryJob,
    payload: {},
    description: "Release expired stock reservations every minute",
  },
  {
    id: "cart-purge-daily",
    pattern: "43 3 * * *",
    job: cartPurgeJob,
    payload: {},
    description: "Delete anonymous carts older than the cart cookie (daily)",
  },
];
