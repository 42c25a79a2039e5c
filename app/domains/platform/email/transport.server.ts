// Hands a rendered message to the mail system: SMTP (nodemailer) when SMTP_URL is set; otherwise
// the message stays in the e-mail log, which the development mailbox shows (/admin/dev/mailbox).
import { getEnv } from "~/infra/env.server";
import { getSmtpTransport } from "~/infra/email/smtp.server";

export type OutgoingMessage = {
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
};

export type DeliveryResult = { transport: "smtp" | "dev-mailbox"; providerMessageId: string | null };

/** The Message-ID is derived from our message id, so a receiver can drop a duplicate delivery. */
export function messageIdHeader(id: string): string {
  return `<${id}@${new URL(getEnv().APP_URL).hostname}>`;
}

export async function deliver(message: OutgoingMessage): Promise<DeliveryResult> {
  const url = getEnv().SMTP_URL;
  if (!url) return { transport: "dev-mailbox", providerMessageId: null };
  const info = await getSmtpTransport(url).sendMail({
    from: message.from,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    headers: message.headers,
    messageId: messageIdHeader(message.id),
  });
  return { transport: "smtp", providerMessageId: String(info.messageId ?? "") || null };
}
