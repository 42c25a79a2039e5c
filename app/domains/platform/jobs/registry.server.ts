// Every job the system runs, by name. Each domain exports its definitions from its own
// `*.jobs.server.ts`; the worker and the embedded runner look jobs up here.
import { cartJobs } from "~/domains/commerce/cart/cart.jobs.server";
import { commerceJobs } from "~/domains/commerce/commerce.jobs.server";
import { paymentJobs } from "~/domains/commerce/payments/stripe.jobs.server";
import { identityJobs } from "~/domains/identity/identity.jobs.server";
import { broadcastJobs } from "../broadcasts/broadcast.jobs.server";
import { emailJobs } from "../email/email.jobs.server";
import { reportJobs } from "../reports/report.jobs.server";
import { webhookJobs } from "../webhooks/webhook.jobs.server";
import { getEnv } from "~/infra/env.server";
import { maintenanceJobs } from "./cleanup.job.server";
import type { JobDefinition } from "./define";

const builtIn: JobDefinition[] = [
  ...identityJobs,
  ...emailJobs,
  ...broadcastJobs,
  ...reportJobs,
  ...webhookJobs,
  ...maintenanceJobs,
  ...commerceJobs,
  ...cartJobs,
  ...paymentJobs,
];
const registered = new Map<string, JobDefinition>(builtIn.map((job) => [job.name, job]));

export function getJobDefinition(name: string): JobDefinition | undefined {
  return registered.get(name);
}

export function allJobDefinitions(): JobDefinition[] {
  return [...registered.values()];
}

/** Tests and benchmarks add their own jobs (a no-op, one that always throws) this way. */
export function registerJob(job: JobDefinition): void {
  registered.set(job.name, job);
}

/** The base retry delay: JOB_BACKOFF_MS when set (tests, operations), else the job's own. */
export function backoffBase(job: JobDefinition): number {
  return getEnv().JOB_BACKOFF_MS ?? job.backoffMs;
}
