// The e-mails of sign-up and sign-in, in the recipient's language. Links always use APP_URL
// (never the request's Host header, which a client controls).
import { sendEmail } from "~/domains/platform/email.server";
import { getEnv } from "~/infra/env.server";
import { isLanguage } from "~/infra/i18n";
import { i18n } from "~/infra/i18n.server";
import { logger } from "~/infra/logger.server";

async function translator(locale: string) {
  return i18n.getFixedT(isLanguage(locale) ? locale : "en", "identity");
}

const inFlight = new Set<Promise<void>>();

/**
 * Start the per-account part of a "we e-mailed you, if the account exists" request (lookups, rows,
 * the e-mail itself) without awaiting it, so the answer takes the same time whether or not the
 * address has an account. Failures are logged, never shown. When the worker queue arrives
 * (issue 3) this becomes an enqueued job instead of a detached promise.
 */
export function runDetached(task: string, work: () => Promise<void>): void {
  const promise: Promise<void> = Promise.resolve()
    .then(work)
    .catch((error: unknown) => logger.error({ err: error, task }, "detached e-mail work failed"))
    .finally(() => inFlight.delete(promise));
  inFlight.add(promise);
}

/** Wait until every detached task started so far has finished (tests, graceful shutdown). */
export async function detachedWorkSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

export function appLink(path: string, params: Record<string, string> = {}) {
  const url = new URL(path, getEnv().APP_URL);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

function compose(parts: Array<string | null>) {
  return parts.filter((part): part is string => part !== null).join("\n\n");
}

type LinkEmail = { to: string; name: string; token: string; locale: string };

/** An e-mail whose point is one single-use link: greeting, why, the link, "ignore if not you". */
async function sendLinkEmail(kind: "verify" | "reset", path: string, { to, name, token, locale }: LinkEmail) {
  const t = await translator(locale);
  await sendEmail({
    to,
    subject: t(`emails.${kind}.subject`),
    text: compose([
      t("emails.greeting", { name }),
      t(`emails.${kind}.body`),
      appLink(path, { token }),
      t(`emails.${kind}.ignore`),
      t("emails.signature"),
    ]),
  });
}

export function sendVerificationEmail(input: LinkEmail) {
  return sendLinkEmail("verify", "/auth/verify-email", input);
}

export function sendPasswordResetEmail(input: LinkEmail) {
  return sendLinkEmail("reset", "/auth/reset-password", input);
}

export async function sendSignInCodeEmail({
  to,
  name,
  code,
  magicLink,
  locale,
}: {
  to: string;
  name: string;
  code: string;
  magicLink: string;
  locale: string;
}) {
  const t = await translator(locale);
  await sendEmail({
    to,
    // Never the code in the subject: subjects end up in logs and notification previews.
    subject: t("emails.code.subject"),
    text: compose([
      t("emails.greeting", { name }),
      t("emails.code.body", { code }),
      `${t("emails.code.link")}\n${magicLink}`,
      t("emails.code.ignore"),
      t("emails.signature"),
    ]),
  });
}
