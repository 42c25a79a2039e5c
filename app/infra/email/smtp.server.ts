// SMTP transport (nodemailer), created once from SMTP_URL.
import nodemailer, { type Transporter } from "nodemailer";

let transporter: Transporter | undefined;

export function getSmtpTransport(url: string): Transporter {
  transporter ??= nodemailer.createTransport(url);
  return transporter;
}

export function resetSmtpTransport() {
  transporter?.close();
  transporter = undefined;
}
