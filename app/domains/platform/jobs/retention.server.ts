// What the platform keeps, and for how long: outbox rows, heartbeats, e-mail bodies, exports,
// stored API answers. Called by the cleanup job.
import { prisma } from "~/infra/db.server";

const DAY = 24 * 3600_000;
export const OUTBOX_DONE_RETENTION_DAYS = 7;
export const OUTBOX_DEAD_RETENTION_DAYS = 30;
export const SENSITIVE_EMAIL_BODY_DAYS = 7;
export const EMAIL_LOG_RETENTION_DAYS = 180;
export const REMOVED_BODY = "[removed: this message carried a one-time link or code]";

function daysAgo(now: Date, days: number) {
  return new Date(now.getTime() - days * DAY);
}

export async function purgeExpiredPlatformRecords(now = new Date()) {
  const [outbox, heartbeats, sensitiveBodies, emails, exports, idempotency] = await Promise.all([
    prisma.outboxEvent.deleteMany({
      where: {
        OR: [
          { status: { in: ["relayed", "done"] }, processedAt: { lt: daysAgo(now, OUTBOX_DONE_RETENTION_DAYS) } },
          { status: "dead", processedAt: { lt: daysAgo(now, OUTBOX_DEAD_RETENTION_DAYS) } },
        ],
      },
    }),
    prisma.workerHeartbeat.deleteMany({ where: { lastSeenAt: { lt: daysAgo(now, 1) } } }),
    prisma.emailMessage.updateMany({
      where: {
        sensitive: true,
        status: { not: "queued" },
        createdAt: { lt: daysAgo(now, SENSITIVE_EMAIL_BODY_DAYS) },
        text: { not: REMOVED_BODY },
      },
      data: { html: `<p>${REMOVED_BODY}</p>`, text: REMOVED_BODY },
    }),
    prisma.emailMessage.deleteMany({ where: { createdAt: { lt: daysAgo(now, EMAIL_LOG_RETENTION_DAYS) } } }),
    prisma.reportExport.updateMany({
      where: { status: "ready", expiresAt: { lt: now } },
      data: { status: "expired", content: null },
    }),
    prisma.idempotencyRecord.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  return {
    outboxEvents: outbox.count,
    workerHeartbeats: heartbeats.count,
    emailBodiesRedacted: sensitiveBodies.count,
    emailMessages: emails.count,
    exportsExpired: exports.count,
    idempotencyRecords: idempotency.count,
  };
}
