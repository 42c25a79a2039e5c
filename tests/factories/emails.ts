// E-mail log rows for tests that need messages without going through a template.
import { prisma } from "~/infra/db.server";

type EmailRow = {
  to: string;
  subject: string;
  text?: string;
  html?: string;
  from?: string;
  template?: string;
  category?: "transactional" | "marketing";
  status?: "queued" | "sent" | "failed";
  sensitive?: boolean;
  error?: string | null;
  attempts?: number;
  headers?: Record<string, string>;
  createdAt?: Date;
};

export function createEmailMessage({ text = "", html = "", from = "app@example.com", template = "plain", ...rest }: EmailRow) {
  return prisma.emailMessage.create({
    data: { text, html, from, template, ...rest },
    select: { id: true, to: true, subject: true },
  });
}
