// SMTP transport (nodemailer), created once from SMTP_URL.
import nodemailer, { type Transporter } from "nodemailer";

let transporter: Transporter | undefined;

/**
 * Settings SMTP_URL's query may override. The socket timeout stays below the 120 s transaction
 * send_email holds while sending, so a stalled server fails the attempt instead of outliving it.
 */
const DEFAULTS: Record<string, string> = {
  pool: "true",
  connectionTimeout: "30000",
  greetingTimeout: "30000",
  socketTimeout: "60000",
};

/**
 * Pooled: a worker sending many messages reuses up to 5 SMTP connections instead of opening one per
 * message (add `pool=false` to SMTP_URL's query to turn it off).
 */
export function getSmtpTransport(url: string): Transporter {
  if (!transporter) {
    const pooled = new URL(url);
    for (const [name, value] of Object.entries(DEFAULTS))
      if (!pooled.searchParams.has(name)) pooled.searchParams.set(name, value);
    transporter = nodemailer.createTransport(pooled.toString());
  }
  return transporter;
}

export function resetSmtpTransport() {
  transporter?.close();
  transporter = undefined;
}
