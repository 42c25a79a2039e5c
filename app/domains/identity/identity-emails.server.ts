// The e-mails of sign-up and sign-in, in the recipient's language. Links always use APP_URL
// (never the request's Host header, which a client controls).
import { sendEmail } from "~/domains/platform/email.server";
import { getEnv } from "~/infra/env.server";
import { isLanguage } from "~/infra/i18n";
import { i18n } from "~/infra/i18n.server";

async function translator(locale: string) {
  return i18n.getFixedT(isLanguage(locale) ? locale : "en", "identity");
}

export function appLink(path: string, params: Record<string, string> = {}) {
  const url = new URL(path, getEnv().APP_URL);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

function compose(parts: Array<string | null>) {
  return parts.filter((part): part is string => part !== null).join("\n\n");
}

export async function sendVerificationEmail({ to, name, token, locale }: { to: string; name: string; token: string; locale: string }) {
  const t = await translator(locale);
  const link = appLink("/auth/verify-email", { token });
  await sendEmail({
    to,
    subject: t("emails.verify.subject"),
    text: compose([t("emails.greeting", { name }), t("emails.verify.body"), link, t("emails.verify.ignore"), t("emails.signature")]),
  });
}

export async function sendPasswordResetEmail({ to, name, token, locale }: { to: string; name: string; token: string; locale: string }) {
  const t = await translator(locale);
  const link = appLink("/auth/reset-password", { token });
  await sendEmail({
    to,
    subject: t("emails.reset.subject"),
    text: compose([t("emails.greeting", { name }), t("emails.reset.body"), link, t("emails.reset.ignore"), t("emails.signature")]),
  });
}

export async function sendSignInCodeEmail({ to, name, code, magicLink, locale }: { to: string; name: string; code: string; magicLink: string; locale: string }) {
  const t = await translator(locale);
  await sendEmail({
    to,
    subject: t("emails.code.subject", { code }),
    text: compose([t("emails.greeting", { name }), t("emails.code.body", { code }), `${t("emails.code.link")}\n${magicLink}`, t("emails.code.ignore"), t("emails.signature")]),
  });
}
