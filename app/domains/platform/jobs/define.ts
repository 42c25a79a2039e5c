// What a background job is: a name, its queue, a zod payload schema, retry policy and a handler.
// Job definitions live beside their domain (`*.job.server.ts`) and are listed in registry.server.ts.
import type { z } from "zod";
import type { QueueName } from "~/infra/queue/names";

export type JobContext = {
  /** The outbox event id (or the scheduler's job id): the handler's idempotency key. */
  eventId: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  /** Set when the process is shutting down: long handlers stop at a safe point and let a retry resume. */
  signal: AbortSignal;
};

// `any` by default: a list of jobs holds handlers of different payload types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobDefinition<S extends z.ZodTypeAny = any> = {
  name: string;
  queue: QueueName;
  description: string;
  payload: S;
  /** Runs in total, the first included; after the last one fails the job is dead-lettered. */
  attempts: number;
  /** Base delay of the exponential backoff: attempt n waits backoffMs * 2^(n-1). */
  backoffMs: number;
  /** Payload keys whose values the admin never sees (tokens, links, codes). */
  secretKeys?: string[];
  handler: (payload: z.infer<S>, context: JobContext) => Promise<unknown>;
};

export function defineJob<S extends z.ZodTypeAny>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** The delay before retry number `attempt` (1-based count of failures so far). */
export function backoffDelay(baseMs: number, attempt: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}
