// BullMQ plumbing: Redis connections and the producer-side Queue objects (one per queue name).
import { Queue, type ConnectionOptions } from "bullmq";
import { Redis } from "ioredis";
import { getEnv } from "../env.server";
import type { QueueName } from "./names";

declare global {
  var __versoQueues: Map<QueueName, Queue> | undefined;
  var __versoQueueConnection: Redis | undefined;
}

/**
 * A Redis connection for BullMQ. Workers block on Redis and must wait out outages
 * (`maxRetriesPerRequest: null`); producers fail fast instead, so a request or the relay never hangs
 * on a Redis that is down (the outbox keeps the event until it is back).
 */
export function createQueueConnection(kind: "worker" | "producer"): Redis {
  const url = getEnv().REDIS_URL;
  if (!url) throw new Error("REDIS_URL is not set: queues need Redis");
  return kind === "worker"
    ? new Redis(url, { maxRetriesPerRequest: null })
    : new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 });
}

export function queuePrefix(): string {
  return getEnv().QUEUE_PREFIX;
}

function producerConnection(): ConnectionOptions {
  globalThis.__versoQueueConnection ??= createQueueConnection("producer");
  // Without a listener an unreachable Redis would log an unhandled "error" event per retry.
  if (globalThis.__versoQueueConnection.listenerCount("error") === 0) globalThis.__versoQueueConnection.on("error", () => {});
  return globalThis.__versoQueueConnection;
}

export function getQueue(name: QueueName): Queue {
  globalThis.__versoQueues ??= new Map();
  let queue = globalThis.__versoQueues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: producerConnection(), prefix: queuePrefix() });
    queue.on("error", () => {}); // surfaced where the call fails (relay, admin), not as a crash
    globalThis.__versoQueues.set(name, queue);
  }
  return queue;
}

export async function closeQueues(): Promise<void> {
  const queues = [...(globalThis.__versoQueues?.values() ?? [])];
  globalThis.__versoQueues = undefined;
  await Promise.allSettled(queues.map((queue) => queue.close()));
  const connection = globalThis.__versoQueueConnection;
  globalThis.__versoQueueConnection = undefined;
  await connection?.quit().catch(() => connection.disconnect());
}
