// Keeps the outbox moving in a long-running process: in Redis mode it relays events to BullMQ; in
// embedded mode (no REDIS_URL) it runs them, one loop per queue so a long campaign never holds up
// a password-reset e-mail, and it also fires the repeatable jobs. Started by the web process and
// the worker; any number of processes may run it at once (see claim.server.ts).
import { getEnv } from "~/infra/env.server";
import { QUEUE_NAMES } from "~/infra/queue/names";
import { logger } from "~/infra/logger.server";
import { startEmbeddedScheduler } from "../jobs/embedded-scheduler.server";
import { runDueEvents } from "./embedded-runner.server";
import { relayBatch } from "./relay.server";
import { onOutboxSignal } from "./signal";

export type OutboxMode = "relay" | "embedded";
export type OutboxProcessor = { mode: OutboxMode; stop: () => Promise<void> };

/** After a signal, keep looking this long: the signalling transaction may not have committed yet. */
const SIGNAL_WINDOW_MS = 500;
const SIGNAL_RECHECK_MS = 20;
const FAILURE_LOG_EVERY_MS = 60_000;

export function outboxMode(): OutboxMode {
  return getEnv().REDIS_URL ? "relay" : "embedded";
}

export function startOutboxProcessor({ mode = outboxMode() }: { mode?: OutboxMode } = {}): OutboxProcessor {
  const pollMs = getEnv().OUTBOX_POLL_MS;
  const controller = new AbortController();
  const wakers = new Set<() => void>();
  let lastSignalAt = 0;
  const unsubscribe = onOutboxSignal(() => {
    lastSignalAt = Date.now();
    for (const wake of wakers) wake();
  });

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        controller.signal.removeEventListener("abort", done); // else every pause leaves a listener behind
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
      controller.signal.addEventListener("abort", done, { once: true });
    });

  const loop = async (name: string, step: () => Promise<number>) => {
    let failingSince = 0;
    let loggedAt = 0;
    while (!controller.signal.aborted) {
      try {
        const worked = await step();
        if (failingSince) logger.info({ loop: name, failedForMs: Date.now() - failingSince }, "outbox processing recovered");
        failingSince = 0;
        if (worked > 0) continue;
        await pause(Date.now() - lastSignalAt < SIGNAL_WINDOW_MS ? SIGNAL_RECHECK_MS : pollMs);
      } catch (error) {
        // An outage fails every few seconds: say so once a minute, not each time.
        failingSince ||= Date.now();
        if (Date.now() - loggedAt >= FAILURE_LOG_EVERY_MS) {
          loggedAt = Date.now();
          logger.error({ err: error, loop: name, failedForMs: Date.now() - failingSince }, "outbox processing failed; retrying");
        }
        await pause(Math.min(5_000, pollMs * 5));
      }
    }
  };

  const loops =
    mode === "relay"
      ? [loop("relay", () => relayBatch())]
      : QUEUE_NAMES.map((queue) => loop(queue, () => runDueEvents({ queue, signal: controller.signal })));
  if (mode === "embedded") startEmbeddedScheduler(controller.signal);
  logger.info({ mode }, mode === "relay" ? "outbox relay started" : "embedded job runner started (no REDIS_URL)");

  return {
    mode,
    stop: async () => {
      controller.abort();
      unsubscribe();
      await Promise.allSettled(loops);
    },
  };
}

/** Process every due event now (tests, scripts): relay them, or run them in embedded mode. */
export async function drainOutbox({ mode = outboxMode() }: { mode?: OutboxMode } = {}): Promise<void> {
  const step = mode === "relay" ? () => relayBatch() : () => runDueEvents({ limit: 50 });
  while ((await step()) > 0);
}
