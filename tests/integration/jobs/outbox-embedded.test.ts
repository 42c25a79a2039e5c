// Embedded mode (no Redis): outbox events are run in-process with the job's retry policy.
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { prisma } from "~/infra/db.server";
import { defineJob } from "~/domains/platform/jobs/define";
import { registerJob } from "~/domains/platform/jobs/registry.server";
import { enqueueJob } from "~/domains/platform/outbox/outbox.server";
import { runDueEvents } from "~/domains/platform/outbox/embedded-runner.server";
import { queueEmail } from "~/domains/platform/email/messages.server";
import { drainOutbox } from "../../setup/outbox";
import { resetDatabase } from "../../setup/reset";

const calls: string[] = [];
const flaky = defineJob({
  name: "test_flaky",
  queue: "maintenance",
  description: "fails twice, then succeeds",
  payload: z.object({ label: z.string() }),
  attempts: 3,
  backoffMs: 0,
  handler: async ({ label }, { attempt }) => {
    calls.push(`${label}#${attempt}`);
    if (attempt < 3) throw new Error(`boom ${attempt}`);
  },
});
const doomed = defineJob({
  name: "test_doomed",
  queue: "maintenance",
  description: "always fails",
  payload: z.object({}),
  attempts: 2,
  backoffMs: 0,
  handler: async () => {
    throw new Error("always broken");
  },
});
registerJob(flaky);
registerJob(doomed);

beforeEach(async () => {
  await resetDatabase();
  calls.length = 0;
});

describe("embedded outbox runner", () => {
  it("retries a failing job until it succeeds, then marks it done", async () => {
    const id = await enqueueJob(prisma, flaky, { label: "a" });
    await drainOutbox();
    expect(calls).toEqual(["a#1", "a#2", "a#3"]);
    expect(await prisma.outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "done",
      attempts: 3,
      lastError: null,
    });
  });

  it("dead-letters a job after its last attempt, keeping the error", async () => {
    const id = await enqueueJob(prisma, doomed, {});
    await drainOutbox();
    expect(await prisma.outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "dead",
      attempts: 2,
      lastError: expect.stringContaining("always broken"),
    });
  });

  it("writes nothing when the business transaction rolls back", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueJob(tx, flaky, { label: "never" });
        throw new Error("business rule failed");
      }),
    ).rejects.toThrow("business rule failed");
    expect(await prisma.outboxEvent.count()).toBe(0);
  });

  it("never runs one event twice when two runners claim at the same time", async () => {
    for (let i = 0; i < 20; i++) await enqueueJob(prisma, flaky, { label: `p${i}` });
    calls.length = 0;
    await Promise.all([runDueEvents({ limit: 20 }), runDueEvents({ limit: 20 }), runDueEvents({ limit: 20 })]);
    const firstRuns = calls.filter((c) => c.endsWith("#1"));
    expect(firstRuns).toHaveLength(20);
    expect(new Set(firstRuns).size).toBe(20);
  });

  it("sends a sign-in e-mail before marketing mail queued earlier", async () => {
    const mail = (to: string, category: "marketing" | "transactional") =>
      queueEmail(prisma, { to, subject: to, html: "<p>x</p>", text: "x", template: "test", category });
    await mail("news-1@example.com", "marketing");
    await mail("news-2@example.com", "marketing");
    const { id } = await mail("code@example.com", "transactional");
    await runDueEvents({ queue: "email", limit: 1 });
    const sent = await prisma.emailMessage.findMany({ where: { status: "sent" }, select: { id: true } });
    expect(sent).toEqual([{ id }]);
  });

  it("sends a queued e-mail once, however often its event is run", async () => {
    const { id } = await queueEmail(prisma, {
      to: "Ana@Example.com",
      subject: "Hi",
      html: "<p>Hi</p>",
      text: "Hi",
      template: "test",
    });
    await drainOutbox();
    const event = await prisma.outboxEvent.findFirstOrThrow({ where: { name: "send_email" } });
    // the same event relayed again (a crash between running and marking it done)
    await prisma.outboxEvent.update({ where: { id: event.id }, data: { status: "pending", attempts: 0 } });
    await drainOutbox();
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      to: "ana@example.com",
      status: "sent",
      attempts: 1,
      transport: "dev-mailbox",
    });
  });
});
