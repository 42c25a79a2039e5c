// `cleanup`: removes what has outlived its retention, across domains, and logs the counts.
// Idempotent by nature: a second run finds nothing left to remove.
import { z } from "zod";
import { purgeExpiredIdentityRecords } from "~/domains/identity/retention.server";
import { logger } from "~/infra/logger.server";
import { defineJob, type JobDefinition } from "./define";
import { purgeExpiredPlatformRecords } from "./retention.server";

export const cleanupJob = defineJob({
  name: "cleanup",
  queue: "maintenance",
  description: "Deletes expired sessions, verifications, old login attempts, expired downloads and old job records.",
  payload: z.object({}).strict(),
  attempts: 3,
  backoffMs: 60_000,
  handler: async () => {
    const now = new Date();
    const counts = { ...(await purgeExpiredIdentityRecords(now)), ...(await purgeExpiredPlatformRecords(now)) };
    logger.info({ counts }, "cleanup finished");
    return counts;
  },
});

export const maintenanceJobs: JobDefinition[] = [cleanupJob];
