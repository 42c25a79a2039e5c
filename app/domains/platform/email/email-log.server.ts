// Reading the e-mail log (admin e-mail pages, the development mailbox) and re-sending a failed message.
import { DomainError } from "~/domains/errors";
import { prisma } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";
import { recordAudit } from "../audit.server";
import { clampPage } from "../list-query";
import { enqueueJob } from "../outbox/outbox.server";
import { sendEmailJob } from "./email.jobs.server";
import type { EmailListQuery } from "./email-log-query";
import { isSuppressed } from "./suppressions.server";

/** The development mailbox stands in for SMTP: it exists only while SMTP_URL is unset. */
export function isDevMailboxEnabled(): boolean {
  return !getEnv().SMTP_URL;
}

/**
 * Bodies of messages carrying one-time links or codes would let their reader sign in as someone
 * else: they are shown only in the development mailbox's stead (no SMTP) and only to a holder of
 * the mailbox permission, never to every reader of the log.
 */
export function bodiesHidden(message: { sensitive: boolean }, mailboxReader: boolean): boolean {
  return message.sensitive && !(isDevMailboxEnabled() && mailboxReader);
}

function whereFor({ q, status, template }: Omit<EmailListQuery, "page">) {
  const text = q.trim();
  return {
    ...(status ? { status } : {}),
    ...(template ? { template } : {}),
    ...(text
      ? {
          OR: [{ to: { contains: text.toLowerCase() } }, { subject: { contains: text, mode: "insensitive" as const } }],
        }
      : {}),
  };
}

export async function listEmailMessages({ pageSize, ...query }: EmailListQuery & { pageSize: number }) {
  const where = whereFor(query);
  const total = await prisma.emailMessage.count({ where });
  const page = clampPage(query.page, total, pageSize);
  const items = await prisma.emailMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      to: true,
      subject: true,
      template: true,
      category: true,
      status: true,
      attempts: true,
      createdAt: true,
      sentAt: true,
    },
  });
  return { items, total, page, pageSize };
}

export async function getEmailMessage({ id, mailboxReader = false }: { id: string; mailboxReader?: boolean }) {
  if (!id || id.length > 100) return null;
  const message = await prisma.emailMessage.findUnique({
    where: { id },
    select: {
      id: true,
      to: true,
      from: true,
      subject: true,
      template: true,
      locale: true,
      category: true,
      sensitive: true,
      status: true,
      attempts: true,
      transport: true,
      providerMessageId: true,
      error: true,
      headers: true,
      text: true,
      html: true,
      createdAt: true,
      sentAt: true,
    },
  });
  if (!message) return null;
  const headers = Object.entries((message.headers ?? {}) as Record<string, unknown>).map(
    ([name, value]) => [name, String(value)] as const,
  );
  return { ...message, headers, bodiesHidden: bodiesHidden(message, mailboxReader) };
}

/**
 * Send a failed message again: it goes back to "queued" and a new send_email job is written, in one
 * transaction. Throws DomainError "not_found", "not_failed" (only failed messages are re-sent) or
 * "suppressed" (marketing mail to an address that unsubscribed).
 */
export async function resendEmailMessage({ id, actorId, ipAddress }: { id: string; actorId: string; ipAddress?: string | null }) {
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ status: string; category: string; to: string }>>`
      SELECT "status"::text AS "status", "category"::text AS "category", "to" FROM "EmailMessage" WHERE "id" = ${id} FOR UPDATE`;
    if (!row) throw new DomainError("not_found", "No such message");
    if (row.status !== "failed") throw new DomainError("not_failed", "Only failed messages can be sent again");
    if (row.category === "marketing" && (await isSuppressed(tx, row.to))) {
      throw new DomainError("suppressed", "The recipient unsubscribed from marketing e-mail");
    }
    await tx.emailMessage.update({ where: { id }, data: { status: "queued", error: null }, select: { id: true } });
    await enqueueJob(tx, sendEmailJob, { messageId: id });
    await recordAudit({ actorId, action: "email.resent", entityType: "email", entityId: id, ipAddress }, tx);
    return { id };
  });
}
