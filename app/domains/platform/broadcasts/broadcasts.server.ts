// Broadcasts: one message to a list of recipients, sent in batches at a configured rate by the
// send_campaign job (send-campaign.server.ts). Creating one writes the broadcast, its recipients
// (one per address, compared case-insensitively) and the job in one transaction.
import { z } from "zod";
import { DomainError } from "~/domains/errors";
import { prisma, type Db, type Tx } from "~/infra/db.server";
import { enqueueJob } from "../outbox/outbox.server";
import { sendCampaignJob } from "./broadcast.jobs.server";

export const BroadcastRecipientSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().max(200).default(""),
  locale: z.string().trim().max(10).default("en"),
});

export const CreateBroadcastSchema = z.object({
  name: z.string().trim().min(1).max(200),
  subject: z.string().trim().min(1).max(200),
  bodyText: z.string().trim().min(1).max(50_000),
  category: z.enum(["marketing", "transactional"]).default("marketing"),
  recipients: z.array(BroadcastRecipientSchema).min(1).max(200_000),
  batchSize: z.number().int().min(1).max(1_000).default(50),
  ratePerMinute: z.number().int().min(1).max(100_000).default(600),
  createdById: z.string().min(1).nullish(),
});

export type CreateBroadcastInput = z.input<typeof CreateBroadcastSchema>;

const INSERT_CHUNK = 1_000;

function inTransaction<T>(db: Db | Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as Db).$transaction(work, { timeout: 60_000 }) : work(db);
}

/** Create a broadcast and queue its sending; the first of several recipients with one address wins. */
export async function createBroadcast(db: Db | Tx, input: CreateBroadcastInput): Promise<{ id: string; recipients: number }> {
  const parsed = CreateBroadcastSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError("invalid_broadcast", "The broadcast is not valid.", {
      issues: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    });
  }
  const { recipients, createdById, ...broadcast } = parsed.data;
  const seen = new Set<string>();
  const unique = recipients.filter((r) => !seen.has(r.email) && Boolean(seen.add(r.email)));
  return inTransaction(db, async (tx) => {
    const row = await tx.broadcast.create({ data: { ...broadcast, createdById: createdById ?? null }, select: { id: true } });
    for (let i = 0; i < unique.length; i += INSERT_CHUNK) {
      await tx.broadcastRecipient.createMany({
        data: unique.slice(i, i + INSERT_CHUNK).map((r) => ({ broadcastId: row.id, ...r })),
      });
    }
    await enqueueJob(tx, sendCampaignJob, { broadcastId: row.id });
    return { id: row.id, recipients: unique.length };
  });
}

export type BroadcastProgress = {
  id: string;
  name: string;
  status: "queued" | "sending" | "completed" | "cancelled";
  total: number;
  pending: number;
  sent: number;
  skipped: number;
  failed: number;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
};

/** Where a broadcast stands, counted from its recipients; null when there is no such broadcast. */
export async function getBroadcastProgress(id: string): Promise<BroadcastProgress | null> {
  const broadcast = await prisma.broadcast.findUnique({
    where: { id },
    select: { id: true, name: true, status: true, createdAt: true, startedAt: true, completedAt: true },
  });
  if (!broadcast) return null;
  const groups = await prisma.broadcastRecipient.groupBy({ by: ["status"], where: { broadcastId: id }, _count: { _all: true } });
  const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
  const counts = { pending: count("pending"), sent: count("sent"), skipped: count("skipped"), failed: count("failed") };
  return { ...broadcast, ...counts, total: counts.pending + counts.sent + counts.skipped + counts.failed };
}
