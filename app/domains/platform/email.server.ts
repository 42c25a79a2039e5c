// The e-mail module: the one function every part of Verso calls to send mail.
// With SMTP_URL set it delivers over SMTP; otherwise the message lands in the development mailbox
// (/admin/dev/mailbox) and a line in the log. When the worker queue arrives (issue 3) this is the
// one place that switches to enqueueing.
import { prisma } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";
import { getSmtpTransport } from "~/infra/email/smtp.server";
import { logger } from "~/infra/logger.server";
import { clampPage } from "./list-query";

export type EmailMessage = { to: string; subject: string; text: string; html?: string };

export async function sendEmail(message: EmailMessage): Promise<{ delivery: "smtp" | "dev-mailbox"; id: string }> {
  const env = getEnv();
  if (env.SMTP_URL) {
    const info = await getSmtpTransport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, ...message });
    // Only who and which delivery: subjects and bodies can carry one-time codes and links.
    logger.info({ to: message.to, messageId: info.messageId }, "e-mail sent over SMTP");
    return { delivery: "smtp", id: String(info.messageId) };
  }
  const stored = await prisma.devEmail.create({
    data: { from: env.MAIL_FROM, to: message.to, subject: message.subject, text: message.text, html: message.html ?? null },
    select: { id: true },
  });
  logger.info({ to: message.to, devEmailId: stored.id }, "e-mail stored in the development mailbox");
  return { delivery: "dev-mailbox", id: stored.id };
}

/**
 * The development mailbox is only a stand-in for SMTP: once SMTP_URL is set, mail goes out and the
 * mailbox pages (which show sign-in and reset links) answer 404.
 */
export function isDevMailboxEnabled(): boolean {
  return !getEnv().SMTP_URL;
}

/** Newest first, optionally only mail to addresses containing `to`; a page past the end is the last page. */
export async function listDevEmails({
  page: requested = 1,
  pageSize = 25,
  to,
}: {
  page?: number;
  pageSize?: number;
  to?: string;
}) {
  const where = to ? { to: { contains: to.toLowerCase() } } : {};
  const total = await prisma.devEmail.count({ where });
  const page = clampPage(requested, total, pageSize);
  const items = await prisma.devEmail.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
  return { items, total, page, pageSize };
}

export async function getDevEmail({ id }: { id: string }) {
  return prisma.devEmail.findUnique({
    where: { id },
    select: { id: true, to: true, from: true, subject: true, text: true, html: true, createdAt: true },
  });
}
