// The cleanup job removes exactly what has outlived its retention (and nothing still in use), and
// the repeatable-job machinery of embedded mode enqueues one run per tick however many fire it.
import { beforeEach, describe, expect, it } from "vitest";
import { cleanupJob } from "~/domains/platform/jobs/cleanup.job.server";
import { fireSchedule, nextRunAt } from "~/domains/platform/jobs/embedded-scheduler.server";
import { REMOVED_BODY } from "~/domains/platform/jobs/retention.server";
import { SCHEDULES } from "~/domains/platform/jobs/schedules.server";
import { prisma } from "~/infra/db.server";
import { createUser } from "../../factories/users";
import { drainOutbox } from "../../setup/outbox";
import { resetDatabase } from "../../setup/reset";

const DAY = 24 * 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const ahead = (ms: number) => new Date(Date.now() + ms);
const run = () => cleanupJob.handler({}, { eventId: "t", attempt: 1, maxAttempts: 1, signal: new AbortController().signal });

beforeEach(resetDatabase);

describe("cleanup job", () => {
  it("removes expired records, keeps live ones, and finds nothing the second time", async () => {
    const user = await createUser();
    await prisma.session.createMany({
      data: [
        { id: "expired", userId: user.id, expiresAt: ago(1000) },
        { id: "revoked-long-ago", userId: user.id, expiresAt: ahead(DAY), revokedAt: ago(31 * DAY) },
        { id: "live", userId: user.id, expiresAt: ahead(DAY) },
        { id: "revoked-recently", userId: user.id, expiresAt: ahead(DAY), revokedAt: ago(DAY) },
      ],
    });
    await prisma.verification.createMany({
      data: [
        { type: "password_reset", target: user.email, tokenHash: "old", expiresAt: ago(2 * DAY) },
        { type: "password_reset", target: user.email, tokenHash: "fresh", expiresAt: ahead(3600_000) },
      ],
    });
    await prisma.loginAttempt.createMany({
      data: [
        { email: user.email, ipAddress: "203.0.113.1", success: false, reason: "bad", createdAt: ago(91 * DAY) },
        { email: user.email, ipAddress: "203.0.113.1", success: false, reason: "bad", createdAt: ago(DAY) },
      ],
    });
    await prisma.reportExport.createMany({
      data: [
        { kind: "users", status: "ready", content: Buffer.from("a,b"), expiresAt: ago(1000), requestedById: user.id },
        { kind: "users", status: "ready", content: Buffer.from("a,b"), expiresAt: ahead(DAY), requestedById: user.id },
      ],
    });
    await prisma.outboxEvent.createMany({
      data: [
        { id: "old-done", queue: "email", name: "send_email", payload: {}, status: "done", processedAt: ago(8 * DAY) },
        {
          id: "old-pending",
          queue: "email",
          name: "send_email",
          payload: {},
          status: "pending",
          createdAt: ago(8 * DAY),
          availableAt: ahead(DAY),
        },
        { id: "recent-dead", queue: "email", name: "send_email", payload: {}, status: "dead", processedAt: ago(8 * DAY) },
      ],
    });
    await prisma.emailMessage.createMany({
      data: [
        {
          id: "secret-old",
          to: user.email,
          from: "a@x",
          subject: "Reset",
          template: "t",
          html: "<p>link</p>",
          text: "link",
          sensitive: true,
          status: "sent",
          createdAt: ago(8 * DAY),
        },
        {
          id: "plain-old",
          to: user.email,
          from: "a@x",
          subject: "Hi",
          template: "t",
          html: "<p>hi</p>",
          text: "hi",
          status: "sent",
          createdAt: ago(8 * DAY),
        },
      ],
    });
    await prisma.idempotencyRecord.createMany({
      data: [
        { principal: "key:1", key: "a", method: "POST", path: "/x", requestHash: "h", expiresAt: ago(1000) },
        { principal: "key:1", key: "b", method: "POST", path: "/x", requestHash: "h", expiresAt: ahead(DAY) },
      ],
    });

    expect(await run()).toMatchObject({
      sessions: 2,
      verifications: 1,
      loginAttempts: 1,
      exportsExpired: 1,
      outboxEvents: 1,
      emailBodiesRedacted: 1,
      idempotencyRecords: 1,
    });
    expect((await prisma.session.findMany({ orderBy: { id: "asc" } })).map((s) => s.id)).toEqual(["live", "revoked-recently"]);
    expect((await prisma.verification.findMany()).map((v) => v.tokenHash)).toEqual(["fresh"]);
    expect(await prisma.loginAttempt.count()).toBe(1);
    expect((await prisma.reportExport.findMany({ where: { status: "expired" } }))[0].content).toBeNull();
    expect((await prisma.outboxEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.id)).toEqual([
      "old-pending",
      "recent-dead",
    ]);
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: "secret-old" } })).toMatchObject({ text: REMOVED_BODY });
    expect(await prisma.emailMessage.findUniqueOrThrow({ where: { id: "plain-old" } })).toMatchObject({ text: "hi" });

    expect(Object.values((await run()) as Record<string, number>).every((count) => count === 0)).toBe(true);
  });
});

describe("repeatable jobs in embedded mode", () => {
  it("lists cleanup as a schedule and computes its next run in UTC", () => {
    const cleanup = SCHEDULES.find((s) => s.job.name === "cleanup")!;
    expect(cleanup).toBeDefined();
    expect(nextRunAt(cleanup.pattern, new Date("2026-11-24T10:20:00Z")).toISOString()).toBe("2026-11-24T11:17:00.000Z");
  });

  it("enqueues one run per tick even when two processes fire it, and the run does its work", async () => {
    const cleanup = SCHEDULES.find((s) => s.job.name === "cleanup")!;
    const tick = new Date("2026-11-24T11:17:00Z");
    await Promise.all([fireSchedule(cleanup, tick), fireSchedule(cleanup, tick)]);
    expect(await prisma.outboxEvent.count({ where: { name: "cleanup" } })).toBe(1);
    await drainOutbox();
    expect(await prisma.outboxEvent.findFirstOrThrow({ where: { name: "cleanup" } })).toMatchObject({ status: "done" });
  });
});
