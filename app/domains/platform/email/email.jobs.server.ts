// `send_email`: sends one logged message. The row is locked while it is handed to SMTP, and a
// message already marked sent is never sent again, so retries, duplicate relays and two workers
// racing all end in one delivery. (A crash after the SMTP server accepted the message but before
// the row was marked can still resend it; the fixed Message-ID lets receivers drop that copy.)
import { z } from "zod";
import { prisma } from "~/infra/db.server";
import { logger } from "~/infra/logger.server";
import { defineJob, type JobDefinition } from "../jobs/define";
import { PermanentJobError } from "../jobs/errors";
import { isSuppressed, SUPPRESSED_ERROR } from "./suppressions.server";
import { deliver } from "./transport.server";

const SEND_TIMEOUT_MS = 120_000;

export const sendEmailJob = defineJob({
  name: "send_email",
  queue: "email",
  description: "Sends one message from the e-mail log over SMTP (or to the development mailbox).",
  payload: z.object({ messageId: z.string().min(1) }),
  attempts: 6,
  backoffMs: 30_000,
  handler: async ({ messageId }, { attempt, maxAttempts }) => {
    try {
      return await prisma.$transaction(
        async (tx) => {
          const [row] = await tx.$queryRaw<Array<{ id: string; status: string; category: string; to: string }>>`
            SELECT "id", "status"::text AS "status", "category"::text AS "category", "to"
            FROM "EmailMessage" WHERE "id" = ${messageId} FOR UPDATE`;
          if (!row) throw new PermanentJobError(`e-mail ${messageId} no longer exists`);
          if (row.status === "sent") return { skipped: "already sent" };
          // The address may have unsubscribed after the message was queued: never send, never retry.
          if (row.category === "marketing" && (await isSuppressed(tx, row.to))) {
            await tx.emailMessage.update({
              where: { id: messageId },
              data: { status: "failed", error: SUPPRESSED_ERROR },
              select: { id: true },
            });
            return { skipped: "recipient unsubscribed" };
          }
          const message = await tx.emailMessage.findUniqueOrThrow({
            where: { id: messageId },
            select: { id: true, from: true, to: true, subject: true, html: true, text: true, headers: true },
          });
          const result = await deliver({ ...message, headers: (message.headers ?? {}) as Record<string, string> });
          await tx.emailMessage.update({
            where: { id: messageId },
            data: { status: "sent", sentAt: new Date(), attempts: { increment: 1 }, error: null, ...result },
          });
          logger.info({ emailId: messageId, to: message.to, transport: result.transport }, "e-mail sent");
          return result;
        },
        { timeout: SEND_TIMEOUT_MS, maxWait: 10_000 },
      );
    } catch (error) {
      if (error instanceof PermanentJobError) throw error;
      await prisma.emailMessage.updateMany({
        where: { id: messageId, status: { not: "sent" } },
        data: {
          attempts: { increment: 1 },
          error: error instanceof Error ? error.message.slice(0, 1000) : String(error),
          status: attempt >= maxAttempts ? "failed" : "queued",
        },
      });
      throw error;
    }
  },
});

export const emailJobs: JobDefinition[] = [sendEmailJob];
