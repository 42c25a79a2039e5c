// The built worker process against real Redis, PostgreSQL and SMTP: killed in the middle of
// sending an e-mail, the job is taken over after restart and the e-mail goes out exactly once;
// stopped with SIGTERM in the middle of a job, it finishes the job first. Heartbeats are recorded.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TEST_ENV } from "../../setup/test-env";
import { startSmtpSink, type SmtpSink } from "../../setup/smtp-sink";
import { BUILD_DIR, ensureBuild } from "../server-harness";
import { until } from "../../setup/wait";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `crash-${randomUUID().slice(0, 8)}`;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.REDIS_URL = REDIS_URL;
  process.env.QUEUE_PREFIX = PREFIX;
  process.env.SMTP_URL = sink.url;
  await ensureBuild();
}, 600_000);

afterAll(async () => {
  const { getQueue, closeQueues } = await import("~/infra/queue/queues.server");
  await getQueue("email").obliterate({ force: true });
  await closeQueues();
  await sink.close();
});

beforeEach(async () => {
  const { resetDatabase } = await import("../../setup/reset");
  await resetDatabase();
  sink.reset();
  sink.release();
});

type Worker = { child: ChildProcess; exited: Promise<number | null>; logs: () => Array<Record<string, unknown>> };

function startWorker(): Worker {
  const child = spawn(process.execPath, [path.join(BUILD_DIR, "server-entry/worker.js")], {
    env: {
      PATH: process.env.PATH,
      ...TEST_ENV,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      DATABASE_URL: process.env.DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX: PREFIX,
      SMTP_URL: sink.url,
      WORKER_LOCK_MS: "2000",
      OUTBOX_PROCESSOR: "off",
      WORKER_CONCURRENCY: "email=2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on("data", () => {});
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const logs = () =>
    out
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, exited, logs };
}

async function queueOneEmail() {
  const { prisma } = await import("~/infra/db.server");
  const { queueEmail } = await import("~/domains/platform/email/messages.server");
  const { relayBatch } = await import("~/domains/platform/outbox/relay.server");
  const { id } = await queueEmail(prisma, {
    to: "dora@example.com",
    subject: "Receipt",
    html: "<p>Thanks</p>",
    text: "Thanks",
    template: "test",
  });
  expect(await relayBatch()).toBe(1);
  return id;
}

async function emailRow(id: string) {
  const { prisma } = await import("~/infra/db.server");
  return prisma.emailMessage.findUniqueOrThrow({ where: { id } });
}

describe("worker process crash and shutdown", () => {
  it("a worker killed mid-job: after restart the job completes and the e-mail goes out exactly once", async () => {
    const id = await queueOneEmail();
    sink.hold(); // the SMTP server accepts the connection but never greets: the send hangs mid-job
    const first = startWorker();
    await until("the first worker to start sending", () => sink.connections() >= 1);
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    expect((await emailRow(id)).status).toBe("queued");
    sink.release();

    const second = startWorker();
    try {
      await until("the restarted worker to send the e-mail", async () => (await emailRow(id)).status === "sent");
      await new Promise((resolve) => setTimeout(resolve, 500)); // room for a wrong second copy
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0].to).toEqual(["dora@example.com"]);
      expect(await emailRow(id)).toMatchObject({ status: "sent", attempts: 1, transport: "smtp" });
    } finally {
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    }
  }, 120_000);

  it("SIGTERM mid-job: the worker finishes the job, records its heartbeat and exits 0", async () => {
    const { prisma } = await import("~/infra/db.server");
    const id = await queueOneEmail();
    sink.hold();
    const worker = startWorker();
    await until("the worker to start sending", () => sink.connections() >= 1);
    const beat = await until("a heartbeat row", () => prisma.workerHeartbeat.findFirst({ where: { stoppedAt: null } }));
    expect(beat.concurrency).toMatchObject({ email: 2 });
    worker.child.kill("SIGTERM");
    setTimeout(() => sink.release(), 500);
    expect(await worker.exited).toBe(0);
    expect(sink.received).toHaveLength(1);
    expect((await emailRow(id)).status).toBe("sent");
    expect((await prisma.workerHeartbeat.findUniqueOrThrow({ where: { id: beat.id } })).stoppedAt).not.toBeNull();
    expect(worker.logs().map((line) => line.msg)).toEqual(
      expect.arrayContaining(["worker shutting down: finishing running jobs", "worker stopped"]),
    );
  }, 120_000);
});
