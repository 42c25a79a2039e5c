// The e-mail log: every message is recorded here when it is queued (rendered, so the log shows what
// went out) and its sending is an outbox job keyed by the message id.
import type { Db, Tx } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";
import { BULK_PRIORITY, enqueueJob } from "../outbox/outbox.server";
import { sendEmailJob } from "./email.jobs.server";

export type QueuedEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  template: string;
  locale?: string;
  category?: "transactional" | "marketing";
  /** Carries a one-time link or code: hidden in the admin log once SMTP is configured. */
  sensitive?: boolean;
  headers?: Record<string, string>;
  from?: string;
  /** A caller-chosen id (e.g. the outbox event that caused the message): a second insert with it fails. */
  id?: string;
};

/** Record the message and enqueue its sending, in the caller's transaction when one is given. */
export async function queueEmail(db: Db | Tx, email: QueuedEmail): Promise<{ id: string }> {
  const message = await db.emailMessage.create({
    data: {
      ...(email.id ? { id: email.id } : {}),
      to: email.to.toLowerCase(),
      from: email.from ?? getEnv().MAIL_FROM,
      subject: email.subject,
      html: email.html,
      text: email.text,
      template: email.template,
      locale: email.locale ?? "en",
      category: email.category ?? "transactional",
      sensitive: email.sensitive ?? false,
      headers: email.headers ?? {},
    },
    select: { id: true },
  });
  // Marketing mail waits behind sign-in codes and password resets on the same queue.
  await enqueueJob(db, sendEmailJob, { messageId: message.id }, { priority: email.category === "marketing" ? BULK_PRIORITY : 0 });
  return message;
}
