// Transitional: the foundation's plain-text sendEmail, now queued through the e-mail log
// (email/messages.server.ts). Issue 3 replaces its callers with React e-mail templates.
import { prisma } from "~/infra/db.server";
import { clampPage } from "./list-query";
import { queueEmail } from "./email/messages.server";
import { getEnv } from "~/infra/env.server";

export type EmailMessage = { to: string; subject: string; text: string; html?: string };

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function sendEmail(message: EmailMessage): Promise<{ id: string }> {
  return queueEmail(prisma, {
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html ?? `<pre>${escapeHtml(message.text)}</pre>`,
    template: "plain",
    sensitive: true,
  });
}

export function isDevMailboxEnabled(): boolean {
  return !getEnv().SMTP_URL;
}

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
  const total = await prisma.emailMessage.count({ where });
  const page = clampPage(requested, total, pageSize);
  const items = await prisma.emailMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
  return { items, total, page, pageSize };
}

export async function getDevEmail({ id }: { id: string }) {
  return prisma.emailMessage.findUnique({
    where: { id },
    select: { id: true, to: true, from: true, subject: true, text: true, html: true, createdAt: true },
  });
}
