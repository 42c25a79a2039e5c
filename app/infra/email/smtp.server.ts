// SMTP transport (nodemailer), created once from SMTP_URL.
import nodemailer, { type Transporter } from "nodemailer";

let transporter: Transporter | undefined;

/**
 * Pooled: a worker sending many messages reuses up to 5 SMTP connections instead of opening one per
 * message (add `pool=false` to SMTP_URL's query to turn it off).
 */
export function getSmtpTransport(url: string): Transporter {
  if (!transporter) {
    const pooled = new URL(url);
    if (!pooled.searchParams.has("pool")) pooled.searchParams.set("pool", "true");
    transporter = nodemailer.createTransport(pooled.toString());
  }
  return transporter;
}

export function resetSmtpTransport() {
  transporter?.close();
  transporter = undefined;
}
