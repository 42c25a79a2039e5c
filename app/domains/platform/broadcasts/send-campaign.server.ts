// The sending loop of a broadcast (the send_campaign job). Each batch is one transaction: claim up
// to batchSize pending recipients (FOR UPDATE SKIP LOCKED, so concurrent runs take different ones),
// queue each one's e-mail and mark the recipient with that message, and add to the counts — so a
// crash never leaves a recipient marked without its e-mail or an e-mail without its mark, and a
// rerun only sees who is still pending. Between batches it waits to keep to ratePerMinute, and it
// stops (with a retryable error) when the worker shuts down. A run longer than a time slice hands
// over to a fresh job, so no single job outlives the runner's lease.
import { createHash } from "node:crypto";
import { prisma, type Tx } from "~/infra/db.server";
import { queueTemplateEmail } from "../email/send-template.server";
import { SUPPRESSED_ERROR } from "../email/suppressions.server";
import { PermanentJobError } from "../jobs/errors";
import { enqueueJob } from "../outbox/outbox.server";
import { sendCampaignJob } from "./broadcast.jobs.server";
import { nextBatchAt, realClock, type CampaignClock } from "./pacing";

/** A run hands over to a new job after this long (below the embedded runner's 10-minute lease). */
export const CAMPAIGN_SLICE_MS = 4 * 60_000;

/** Thrown when the worker shuts down mid-campaign: the job is retried and resumes where it stopped. */
export class CampaignInterruptedError extends Error {
  constructor(broadcastId: string) {
    super(`broadcast ${broadcastId} paused by a shutdown; the next attempt resumes it`);
    this.name = "CampaignInterruptedError";
  }
}

type Broadcast = {
  id: string;
  subject: string;
  bodyText: string;
  category: "marketing" | "transactional";
  batchSize: number;
  ratePerMinute: number;
};

export type BatchResult = { claimed: number; sent: number; skipped: number; failed: number };

function errorText(error: unknown) {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

async function sendBatch(broadcast: Broadcast): Promise<BatchResult | "stopped"> {
  return prisma.$transaction(
    async (tx: Tx) => {
      const current = await tx.broadcast.findUnique({ where: { id: broadcast.id }, select: { status: true } });
      if (!current || current.status === "cancelled" || current.status === "completed") return "stopped";
      const claimed = await tx.$queryRaw<Array<{ id: string; email: string; locale: string }>>`
        SELECT "id", "email", "locale" FROM "BroadcastRecipient"
        WHERE "broadcastId" = ${broadcast.id} AND "status" = 'pending'
        ORDER BY "id" LIMIT ${broadcast.batchSize} FOR UPDATE SKIP LOCKED`;
      const result: BatchResult = { claimed: claimed.length, sent: 0, skipped: 0, failed: 0 };
      for (const recipient of claimed) {
        try {
          const message = await queueTemplateEmail(tx, {
            to: recipient.email,
            locale: recipient.locale,
            template: "broadcast",
            props: { subject: broadcast.subject, bodyText: broadcast.bodyText },
            category: broadcast.category,
          });
          await tx.broadcastRecipient.update({
            where: { id: recipient.id },
            data: message.suppressed
              ? { status: "skipped", emailMessageId: message.id, error: SUPPRESSED_ERROR }
              : { status: "sent", emailMessageId: message.id, sentAt: new Date(), error: null },
            select: { id: true },
          });
          result[message.suppressed ? "skipped" : "sent"] += 1;
        } catch (error) {
          // a message that cannot be built fails alone; if the database refused, this update fails
          // too and the whole batch rolls back for a retry
          await tx.broadcastRecipient.update({
            where: { id: recipient.id },
            data: { status: "failed", error: errorText(error) },
            select: { id: true },
          });
          result.failed += 1;
        }
      }
      if (result.sent > 0 || result.failed > 0) {
        await tx.broadcast.update({
          where: { id: broadcast.id },
          data: { sentCount: { increment: result.sent }, failedCount: { increment: result.failed } },
          select: { id: true },
        });
      }
      return result;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

async function hasPendingRecipients(broadcastId: string) {
  const row = await prisma.broadcastRecipient.findFirst({ where: { broadcastId, status: "pending" }, select: { id: true } });
  return row !== null;
}

export type CampaignRun = {
  batches: BatchResult[];
  /** For each batch, when (clock time) it started: the pacing tests read this. */
  batchStartedAt: number[];
  outcome: "completed" | "others-finishing" | "stopped" | "continued";
};

/**
 * Send what is still pending of a broadcast. `clock` is injectable so tests can check the pacing
 * without waiting; `sliceMs` bounds one run (after it a continuation job is queued).
 */
/** Derived from the running event's id, so it is the same however often that event runs. */
function continuationId(broadcastId: string, eventId: string) {
  return `campaign-${broadcastId}-${createHash("sha256").update(eventId).digest("hex").slice(0, 20)}`;
}

async function enqueueContinuation(broadcastId: string, eventId: string | undefined, delayMs: number) {
  try {
    await enqueueJob(
      prisma,
      sendCampaignJob,
      { broadcastId },
      { delayMs, ...(eventId ? { id: continuationId(broadcastId, eventId) } : {}) },
    );
  } catch (error) {
    // this run was run before (a retry after a crash) and already handed over: one chain only
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
}

export async function sendCampaign({
  broadcastId,
  eventId,
  signal,
  clock = realClock,
  sliceMs = CAMPAIGN_SLICE_MS,
}: {
  broadcastId: string;
  /** The running job's event id: its continuation is named after it, so a re-run never starts a second chain. */
  eventId?: string;
  signal: AbortSignal;
  clock?: CampaignClock;
  sliceMs?: number;
}): Promise<CampaignRun> {
  const broadcast = await prisma.broadcast.findUnique({
    where: { id: broadcastId },
    select: { id: true, subject: true, bodyText: true, category: true, batchSize: true, ratePerMinute: true, status: true },
  });
  if (!broadcast) throw new PermanentJobError(`broadcast ${broadcastId} no longer exists`);
  const run: CampaignRun = { batches: [], batchStartedAt: [], outcome: "stopped" };
  if (broadcast.status === "completed" || broadcast.status === "cancelled") return run;
  await prisma.broadcast.updateMany({
    where: { id: broadcastId, status: "queued" },
    data: { status: "sending", startedAt: new Date() },
  });

  const runStartedAt = clock.now();
  let notBefore = runStartedAt;
  for (;;) {
    if (signal.aborted) throw new CampaignInterruptedError(broadcastId);
    const wait = Math.max(0, notBefore - clock.now());
    // the slice is over once the next batch could only start after it
    const sliceOver = clock.now() + wait - runStartedAt >= sliceMs;
    if (wait > 0 || sliceOver) {
      if (!(await hasPendingRecipients(broadcastId))) break;
      if (sliceOver) {
        await enqueueContinuation(broadcastId, eventId, wait);
        return { ...run, outcome: "continued" };
      }
      await clock.sleep(wait, signal);
      if (signal.aborted) throw new CampaignInterruptedError(broadcastId);
    }
    const startedAt = clock.now();
    const batch = await sendBatch(broadcast);
    if (batch === "stopped") return run;
    if (batch.claimed === 0) break;
    run.batches.push(batch);
    run.batchStartedAt.push(startedAt);
    notBefore = nextBatchAt(startedAt, batch.sent, broadcast.ratePerMinute);
  }

  // Done when nobody is pending; recipients still locked by a concurrent run are that run's to finish.
  const completed = await prisma.broadcast.updateMany({
    where: { id: broadcastId, status: "sending", recipients: { none: { status: "pending" } } },
    data: { status: "completed", completedAt: new Date() },
  });
  return { ...run, outcome: completed.count > 0 ? "completed" : "others-finishing" };
}
