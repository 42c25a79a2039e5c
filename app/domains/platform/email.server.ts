// The e-mail module: the one function every part of Verso calls to send mail.
// With SMTP_URL set it delivers over SMTP; otherwise the message lands in the development mailbox
// (/admin/dev/mailbox) and a line in the log. When the worker queue arrives (issue 3) this is the
// one place that switches to enqueueing.
import { prisma } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";
import { getSmtpTransport } from "~/infra/email/smtp.server";
import { logger } from "~/infra/logger.server";

export type EmailMessage = { to: string; subject: string; text: string; html?: string };

export async function sendEmail(message: EmailMessage): Promise<{ delivery: "smtp" | "dev-mailbox"; id: string }> {
  const env = getEnv();
  if (env.SMTP_URL) {
    const info = await getSmtpTransport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, ...message });
    logger.info({ to: message.to, subject: message.subject, messageId: info.messageId }, "e-mail sent over SMTP");
    return { delivery: "smtp", id: String(info.messageId) };
  }
  const stored = await prisma.devEmail.create({
    data: { from: env.MAIL_FROM, to: message.to, subject: message.subject, text: message.text, html: message.html ?? null },
    select: { id: true },
  });
  logger.info({ to: message.to, subject: message.subject, devEmailId: stored.id }, "e-mail stored in the development mailbox");
  return { delivery: "dev-mailbox", id: stored.id };
}

export async function listDevEmails({ page = 1, pageSize = 25, to }: { page?: number; pageSize?: number; to?: string }) {
  const where = to ? { to: { contains: to.toLowerCase() } } : {};
  const [items, total] = await Promise.all([
    prisma.devEmail.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, to: true, subject: true, createdAt: true },
    }),
    prisma.devEmail.count({ where }),
  ]);
  return { items, total, page, pageSize };
}

export async function getDevEmail({ id }: { id: string }) {
  return prisma.devEmail.findUnique({ where: { id }, select: { id: true, to: true, from: true, subject: true, text: true, html: true, createdAt: true } });
}
