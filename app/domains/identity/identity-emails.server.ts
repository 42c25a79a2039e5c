// The e-mails of sign-up and sign-in, queued through the e-mail log in the recipient's language.
// Links always use APP_URL (never the request's Host header, which a client controls).
import { queueTemplateEmail } from "~/domains/platform/email/send-template.server";
import type { Db, Tx } from "~/infra/db.server";
import { prisma } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";

export function appLink(path: string, params: Record<string, string> = {}) {
  const url = new URL(path, getEnv().APP_URL);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

type LinkEmail = { to: string; name: string; token: string; locale: string };
type Options = { db?: Db | Tx; id?: string };

export function queueVerificationEmail({ to, name, token, locale }: LinkEmail, { db = prisma, id }: Options = {}) {
  return queueTemplateEmail(db, {
    id,
    to,
    locale,
    template: "verify-email",
    props: { name, url: appLink("/auth/verify-email", { token }) },
  });
}

export function queuePasswordResetEmail({ to, name, token, locale }: LinkEmail, { db = prisma, id }: Options = {}) {
  return queueTemplateEmail(db, {
    id,
    to,
    locale,
    template: "password-reset",
    props: { name, url: appLink("/auth/reset-password", { token }) },
  });
}

export function queueSignInCodeEmail(
  { to, name, code, magicLink, locale }: { to: string; name: string; code: string; magicLink: string; locale: string },
  { db = prisma, id }: Options = {},
) {
  return queueTemplateEmail(db, { id, to, locale, template: "sign-in-code", props: { name, code, url: magicLink } });
}
