// `npm run bench:queue`: throughput of the background-work path on this machine, against real
// PostgreSQL, Redis and an SMTP sink (smtp-server) on loopback.
//   1. jobs/s through BullMQ for a no-op handler (enqueue → worker → completed)
//   2. send_email jobs/s to the local SMTP sink (log row locked, SMTP conversation, row marked sent),
//      next to the same messages sent straight through nodemailer (the ceiling SMTP sets)
//   3. outbox relay throughput: pending OutboxEvent rows → BullMQ jobs, events/s
//   4. latency an enqueue adds to a request: a business write in a transaction, with and without
//      the outbox insert (p50/p99 over many runs)
// Env: BENCH_JOBS (default 5000), BENCH_EMAILS (1000), BENCH_EVENTS (5000), BENCH_TX (2000),
// TEST_DATABASE_ADMIN_URL, TEST_REDIS_URL, VERSO_TEST_NAMESPACE. `--json` prints raw numbers.
import { randomUUID } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { z } from "zod";
import { migrate } from "../prisma/migrate-runner.ts";
import { startSmtpSink } from "../tests/setup/smtp-sink.ts";

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const NAMESPACE = (process.env.VERSO_TEST_NAMESPACE ?? "").replace(/[^a-z0-9]/g, "");
const DB = `verso_bench_queue${NAMESPACE ? `_${NAMESPACE}` : ""}`;
const JOBS = Number(process.env.BENCH_JOBS ?? 5000);
const EMAILS = Number(process.env.BENCH_EMAILS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const TX_RUNS = Number(process.env.BENCH_TX ?? 2000);
const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${DB}` }).toString();

const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${DB}"`);
await admin.end();
await migrate(dbUrl);

const sink = await startSmtpSink();
Object.assign(process.env, {
  NODE_ENV: "production",
  DATABASE_URL: dbUrl,
  REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
  SMTP_URL: sink.url,
  QUEUE_PREFIX: `bench-${randomUUID().slice(0, 8)}`,
  SESSION_SECRET: "bench-session-secret-0123456789abcdef0123456789",
  ENCRYPTION_KEY: "0f".repeat(32),
  LOG_LEVEL: "warn",
  DB_POOL_SIZE: "20",
});

const { prisma } = await import("../app/infra/db.server.ts");
const { getQueue, closeQueues } = await import("../app/infra/queue/queues.server.ts");
const { defineJob } = await import("../app/domains/platform/jobs/define.ts");
const { registerJob } = await import("../app/domains/platform/jobs/registry.server.ts");
const { enqueueJob } = await import("../app/domains/platform/outbox/outbox.server.ts");
const { relayBatch, jobOptions } = await import("../app/domains/platform/outbox/relay.server.ts");
const { queueEmail } = await import("../app/domains/platform/email/messages.server.ts");
const { startQueueWorkers } = await import("../worker/runtime.ts");

const noop = defineJob({
  name: "bench_noop",
  queue: "maintenance",
  description: "does nothing",
  payload: z.object({ i: z.number() }),
  attempts: 1,
  backoffMs: 0,
  handler: async () => undefined,
});
registerJob(noop);

async function waitFor(probe: () => Promise<boolean>) {
  while (!(await probe())) await new Promise((resolve) => setTimeout(resolve, 20));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const results: Record<string, unknown> = {};

// 1. no-op jobs through BullMQ
{
  const queue = getQueue("maintenance");
  const concurrency = 50;
  const started = performance.now();
  for (let i = 0; i < JOBS; i += 500) {
    const ids = Array.from({ length: Math.min(500, JOBS - i) }, () => randomUUID());
    await queue.addBulk(
      ids.map((id, k) => ({ name: noop.name, data: { eventId: id, payload: { i: i + k } }, opts: jobOptions(id, noop.name) })),
    );
  }
  const enqueued = performance.now();
  const workers = startQueueWorkers({ queues: ["maintenance"], concurrency: { maintenance: concurrency } });
  await waitFor(async () => (await queue.getCompletedCount()) >= JOBS);
  const done = performance.now();
  await workers.close();
  results.noop = {
    jobs: JOBS,
    concurrency,
    enqueuePerSecond: Math.round(JOBS / ((enqueued - started) / 1000)),
    processedPerSecond: Math.round(JOBS / ((done - enqueued) / 1000)),
  };
  await queue.obliterate({ force: true });
}

// 2. send_email to the SMTP sink
{
  for (let i = 0; i < EMAILS; i++) {
    await queueEmail(prisma, {
      to: `reader${i}@example.com`,
      subject: `Bench ${i}`,
      html: `<p>Hello ${i}</p>`,
      text: `Hello ${i}`,
      template: "bench",
    });
  }
  while ((await relayBatch(500)) > 0);
  const concurrency = 10;
  const started = performance.now();
  const workers = startQueueWorkers({ queues: ["email"], concurrency: { email: concurrency } });
  await waitFor(async () => sink.received.length >= EMAILS);
  const done = performance.now();
  await workers.close();
  const sent = await prisma.emailMessage.count({ where: { status: "sent" } });
  results.sendEmail = {
    emails: EMAILS,
    concurrency,
    received: sink.received.length,
    markedSent: sent,
    perSecond: Math.round(EMAILS / ((done - started) / 1000)),
  };
  await getQueue("email").obliterate({ force: true });
}

// 2b. the same number of messages straight through nodemailer (the pooled transport send_email
// uses, same sink): the ceiling SMTP itself sets on this machine
{
  const { getSmtpTransport, resetSmtpTransport } = await import("../app/infra/email/smtp.server.ts");
  const transport = getSmtpTransport(sink.url);
  sink.reset();
  const concurrency = 10;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < EMAILS) {
        const i = next++;
        await transport.sendMail({
          from: "bench@example.com",
          to: `raw${i}@example.com`,
          subject: `Raw ${i}`,
          text: `Hello ${i}`,
          html: `<p>Hello ${i}</p>`,
        });
      }
    }),
  );
  const elapsed = performance.now() - started;
  resetSmtpTransport();
  results.smtpCeiling = { emails: EMAILS, concurrency, perSecond: Math.round(EMAILS / (elapsed / 1000)) };
}

// 3. outbox relay
{
  await prisma.$executeRaw`DELETE FROM "OutboxEvent"`;
  for (let i = 0; i < EVENTS; i += 1000) {
    const n = Math.min(1000, EVENTS - i);
    await prisma.outboxEvent.createMany({
      data: Array.from({ length: n }, (_, k) => ({
        id: randomUUID(),
        queue: "maintenance",
        name: noop.name,
        payload: { i: i + k },
      })),
    });
  }
  const started = performance.now();
  while ((await relayBatch(200)) > 0);
  const elapsed = performance.now() - started;
  const relayed = await prisma.outboxEvent.count({ where: { status: "relayed" } });
  results.relay = { events: EVENTS, relayed, batch: 200, perSecond: Math.round(EVENTS / (elapsed / 1000)) };
  await getQueue("maintenance").obliterate({ force: true });
}

// 4. latency an enqueue adds to a transaction (a typical action: one business row + audit-sized write)
{
  const timings = { without: [] as number[], with: [] as number[] };
  for (let i = 0; i < TX_RUNS; i++) {
    const withOutbox = i % 2 === 1;
    const started = performance.now();
    await prisma.$transaction(async (tx) => {
      await tx.auditLog.create({ data: { action: "bench.write", entityType: "bench", entityId: String(i) } });
      if (withOutbox) await enqueueJob(tx, noop, { i });
    });
    (withOutbox ? timings.with : timings.without).push(performance.now() - started);
  }
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: +percentile(sorted, 50).toFixed(3), p99: +percentile(sorted, 99).toFixed(3) };
  };
  const without = summary(timings.without);
  const withOutbox = summary(timings.with);
  results.enqueueLatencyMs = {
    runs: TX_RUNS / 2,
    without,
    with: withOutbox,
    addedP50: +(withOutbox.p50 - without.p50).toFixed(3),
  };
}

await closeQueues();
await prisma.$disconnect();
await sink.close();

const cpu = os.cpus();
console.log(
  `machine: ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(`no-op jobs:      ${JSON.stringify(results.noop)}`);
console.log(`send_email:      ${JSON.stringify(results.sendEmail)}`);
console.log(`SMTP ceiling:    ${JSON.stringify(results.smtpCeiling)}`);
console.log(`outbox relay:    ${JSON.stringify(results.relay)}`);
console.log(`enqueue latency: ${JSON.stringify(results.enqueueLatencyMs)}`);
if (process.argv.includes("--json")) console.log(JSON.stringify(results));
process.exit(0);
