// The broadcast engine: recipients deduplicated, batches paced to the rate (checked on the wait
// schedule of an injected clock, not on wall time), a shutdown pauses and a rerun resumes without
// sending anyone a second message, concurrent runs split the work, opted-out addresses are skipped.
import { beforeEach, describe, expect, it } from "vitest";
import { isDomainError } from "~/domains/errors";
import { sendCampaignJob } from "~/domains/platform/broadcasts/broadcast.jobs.server";
import {
  createBroadcast,
  getBroadcastProgress,
  type CreateBroadcastInput,
} from "~/domains/platform/broadcasts/broadcasts.server";
import type { CampaignClock } from "~/domains/platform/broadcasts/pacing";
import { CampaignInterruptedError, sendCampaign } from "~/domains/platform/broadcasts/send-campaign.server";
import { suppressAddress } from "~/domains/platform/email/suppressions.server";
import { PermanentJobError } from "~/domains/platform/jobs/errors";
import { prisma } from "~/infra/db.server";
import { drainOutbox } from "../setup/outbox";
import { resetDatabase } from "../setup/reset";

beforeEach(resetDatabase);

function people(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    email: `person${String(i).padStart(3, "0")}@example.com`,
    name: `P${i}`,
    locale: "en",
  }));
}

function broadcastInput(overrides: Partial<CreateBroadcastInput> = {}): CreateBroadcastInput {
  return {
    name: "Spring news",
    subject: "What is new this spring",
    bodyText: "Hello!\n\nWe have news.",
    recipients: people(5),
    batchSize: 50,
    ratePerMinute: 600,
    ...overrides,
  };
}

/** A clock that only moves when the loop sleeps; records each wait and can act on it. */
function fakeClock(onSleep: (ms: number) => void = () => {}) {
  let now = 0;
  const sleeps: number[] = [];
  const clock: CampaignClock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
      onSleep(ms);
    },
  };
  return { clock, sleeps };
}

const running = () => new AbortController().signal;

async function messagesPerRecipient(broadcastId: string) {
  const recipients = await prisma.broadcastRecipient.findMany({ where: { broadcastId }, select: { email: true } });
  const messages = await prisma.emailMessage.groupBy({ by: ["to"], where: { template: "broadcast" }, _count: { _all: true } });
  const byAddress = new Map(messages.map((m) => [m.to, m._count._all]));
  return recipients.map((r) => byAddress.get(r.email) ?? 0);
}

describe("createBroadcast", () => {
  it("writes the broadcast, one recipient per address and the send_campaign job together", async () => {
    const { id, recipients } = await createBroadcast(
      prisma,
      broadcastInput({
        recipients: [
          { email: "Ann@Example.com", name: "Ann", locale: "es" },
          { email: "bob@example.com", name: "Bob", locale: "en" },
          { email: "ann@example.COM ", name: "Ann again", locale: "en" },
        ],
      }),
    );
    expect(recipients).toBe(2);
    const rows = await prisma.broadcastRecipient.findMany({ where: { broadcastId: id }, orderBy: { email: "asc" } });
    expect(rows.map((r) => [r.email, r.name, r.locale, r.status])).toEqual([
      ["ann@example.com", "Ann", "es", "pending"],
      ["bob@example.com", "Bob", "en", "pending"],
    ]);
    expect(await prisma.outboxEvent.findFirstOrThrow()).toMatchObject({
      name: "send_campaign",
      queue: "campaigns",
      payload: { broadcastId: id },
    });
    expect(await getBroadcastProgress(id)).toMatchObject({ status: "queued", total: 2, pending: 2, sent: 0 });
  });

  it("refuses bad input and writes nothing; inside a caller's transaction it rolls back with it", async () => {
    for (const bad of [
      broadcastInput({ recipients: [] }),
      broadcastInput({ recipients: [{ email: "not-an-address" }] }),
      broadcastInput({ subject: "  " }),
      broadcastInput({ batchSize: 0 }),
      broadcastInput({ ratePerMinute: -5 }),
    ]) {
      const error = await createBroadcast(prisma, bad).catch((e: unknown) => e);
      expect(isDomainError(error, "invalid_broadcast")).toBe(true);
    }
    await expect(
      prisma.$transaction(async (tx) => {
        await createBroadcast(tx, broadcastInput());
        throw new Error("the surrounding change failed");
      }),
    ).rejects.toThrow("the surrounding change failed");
    expect([await prisma.broadcast.count(), await prisma.broadcastRecipient.count(), await prisma.outboxEvent.count()]).toEqual([
      0, 0, 0,
    ]);
    expect(await getBroadcastProgress("nope")).toBeNull();
  });
});

describe("send_campaign", () => {
  it("queues one marketing e-mail per recipient with unsubscribe headers, skips opted-out addresses, completes", async () => {
    await suppressAddress({ email: "person002@example.com", reason: "unsubscribe" });
    const { id } = await createBroadcast(prisma, broadcastInput());
    await drainOutbox();
    const recipients = await prisma.broadcastRecipient.findMany({
      where: { broadcastId: id },
      orderBy: { email: "asc" },
      include: { emailMessage: true },
    });
    expect(recipients.map((r) => r.status)).toEqual(["sent", "sent", "skipped", "sent", "sent"]);
    for (const r of recipients) {
      expect(r.emailMessage).toMatchObject({ to: r.email, template: "broadcast", category: "marketing" });
      expect((r.emailMessage!.headers as Record<string, string>)["List-Unsubscribe"]).toContain("http");
    }
    expect(recipients[0].emailMessage).toMatchObject({ status: "sent", subject: "What is new this spring" });
    expect(recipients[0].emailMessage!.text).toContain("We have news.");
    expect(recipients[2]).toMatchObject({ error: expect.stringContaining("unsubscribed"), sentAt: null });
    expect(recipients[2].emailMessage!.status).toBe("failed");
    expect(await prisma.broadcast.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "completed",
      sentCount: 4,
      failedCount: 0,
    });
    expect(await getBroadcastProgress(id)).toMatchObject({
      status: "completed",
      total: 5,
      pending: 0,
      sent: 4,
      skipped: 1,
      failed: 0,
    });
    // a late duplicate of the job finds nothing to do
    await sendCampaign({ broadcastId: id, signal: running(), clock: fakeClock().clock });
    expect(await prisma.emailMessage.count()).toBe(5);
  });

  it("paces batches to the rate: a batch of n waits n × 60 000 / rate ms before the next", async () => {
    const { id } = await createBroadcast(prisma, broadcastInput({ recipients: people(10), batchSize: 3, ratePerMinute: 600 }));
    const { clock, sleeps } = fakeClock();
    const run = await sendCampaign({ broadcastId: id, signal: running(), clock });
    expect(run.batches.map((b) => b.sent)).toEqual([3, 3, 3, 1]);
    expect(run.batchStartedAt).toEqual([0, 300, 600, 900]);
    // no wait after the last batch: nobody was left
    expect(sleeps).toEqual([300, 300, 300]);
    expect(run.outcome).toBe("completed");

    // opted-out recipients cost no sending time
    await resetDatabase();
    await suppressAddress({ email: "person000@example.com", reason: "unsubscribe" });
    const second = await createBroadcast(prisma, broadcastInput({ recipients: people(4), batchSize: 2, ratePerMinute: 60 }));
    const slow = fakeClock();
    const paced = await sendCampaign({ broadcastId: second.id, signal: running(), clock: slow.clock });
    expect(paced.batches.map((b) => [b.sent, b.skipped])).toEqual([
      [1, 1],
      [2, 0],
    ]);
    expect(slow.sleeps).toEqual([1000]);
  });

  it("stops between batches on shutdown and resumes later: everyone gets exactly one e-mail", async () => {
    const { id } = await createBroadcast(prisma, broadcastInput({ recipients: people(7), batchSize: 3 }));
    const shutdown = new AbortController();
    const { clock } = fakeClock(() => shutdown.abort());
    const error = await sendCampaign({ broadcastId: id, signal: shutdown.signal, clock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CampaignInterruptedError);
    expect(error).not.toBeInstanceOf(PermanentJobError);
    expect(await getBroadcastProgress(id)).toMatchObject({ status: "sending", sent: 3, pending: 4 });
    expect(await prisma.emailMessage.count()).toBe(3);

    const resumed = await sendCampaign({ broadcastId: id, signal: running(), clock: fakeClock().clock });
    expect(resumed.outcome).toBe("completed");
    expect(await messagesPerRecipient(id)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(await prisma.broadcast.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "completed", sentCount: 7 });
  });

  it("the job handler turns a shutdown into a retryable failure and the outbox retry finishes the list", async () => {
    const { id } = await createBroadcast(prisma, broadcastInput({ recipients: people(4), batchSize: 2 }));
    const stopped = new AbortController();
    stopped.abort();
    await expect(
      sendCampaignJob.handler({ broadcastId: id }, { eventId: "x", attempt: 1, maxAttempts: 10, signal: stopped.signal }),
    ).rejects.toBeInstanceOf(CampaignInterruptedError);
    expect(await prisma.emailMessage.count()).toBe(0);
    await sendCampaignJob.handler({ broadcastId: id }, { eventId: "x", attempt: 2, maxAttempts: 10, signal: running() });
    expect(await messagesPerRecipient(id)).toEqual([1, 1, 1, 1]);
  });

  it("two runs at once split the recipients: still exactly one e-mail each, counts exact", async () => {
    const { id } = await createBroadcast(
      prisma,
      broadcastInput({ recipients: people(30), batchSize: 2, ratePerMinute: 100_000 }),
    );
    const [a, b] = await Promise.all([
      sendCampaign({ broadcastId: id, signal: running(), clock: fakeClock().clock }),
      sendCampaign({ broadcastId: id, signal: running(), clock: fakeClock().clock }),
    ]);
    const sentByRuns = [...a.batches, ...b.batches].reduce((sum, batch) => sum + batch.sent, 0);
    expect(sentByRuns).toBe(30);
    expect(await messagesPerRecipient(id)).toEqual(Array.from({ length: 30 }, () => 1));
    expect(await prisma.emailMessage.count()).toBe(30);
    expect(await prisma.broadcast.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "completed", sentCount: 30 });
    expect(await prisma.broadcastRecipient.count({ where: { broadcastId: id, emailMessageId: null } })).toBe(0);
  });

  it("hands over to a new job after its time slice, which carries on where it stopped", async () => {
    const { id } = await createBroadcast(prisma, broadcastInput({ recipients: people(5), batchSize: 2, ratePerMinute: 60 }));
    await prisma.outboxEvent.deleteMany();
    const run = await sendCampaign({ broadcastId: id, signal: running(), clock: fakeClock().clock, sliceMs: 2_000 });
    expect(run.outcome).toBe("continued");
    expect(run.batches.map((b) => b.sent)).toEqual([2]);
    const next = await prisma.outboxEvent.findFirstOrThrow({ where: { name: "send_campaign" } });
    expect(next.payload).toEqual({ broadcastId: id });
    expect(next.availableAt.getTime()).toBeGreaterThan(Date.now());
    await sendCampaign({ broadcastId: id, signal: running(), clock: fakeClock().clock });
    expect(await messagesPerRecipient(id)).toEqual([1, 1, 1, 1, 1]);
  });

  it("a run that is run again after handing over does not start a second chain", async () => {
    const { id } = await createBroadcast(prisma, broadcastInput({ recipients: people(9), batchSize: 2, ratePerMinute: 60 }));
    await prisma.outboxEvent.deleteMany();
    const slice = () =>
      sendCampaign({ broadcastId: id, eventId: "event-1", signal: running(), clock: fakeClock().clock, sliceMs: 2_000 });
    expect((await slice()).outcome).toBe("continued");
    expect((await slice()).outcome).toBe("continued"); // the same event again, as after a crash before it was marked done
    expect(await prisma.outboxEvent.count({ where: { name: "send_campaign" } })).toBe(1);
  });

  it("sends nothing for a cancelled broadcast, and a missing one fails for good", async () => {
    const { id } = await createBroadcast(prisma, broadcastInput());
    await prisma.broadcast.update({ where: { id }, data: { status: "cancelled" } });
    await sendCampaign({ broadcastId: id, signal: running(), clock: fakeClock().clock });
    expect(await prisma.emailMessage.count()).toBe(0);
    await expect(sendCampaign({ broadcastId: "gone", signal: running() })).rejects.toBeInstanceOf(PermanentJobError);
  });
});
