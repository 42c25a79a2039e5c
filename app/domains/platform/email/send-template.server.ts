// The one way the app sends a templated e-mail: render it in the recipient's language, record it in
// the e-mail log and enqueue its sending, in the caller's transaction when one is given (so the
// message exists if and only if the change that caused it commits).
//
// Marketing mail carries List-Unsubscribe / List-Unsubscribe-Post (RFC 2369, RFC 8058) and an
// unsubscribe link in its footer; it is never sent to a suppressed address (recorded as failed with
// the reason, so the log and the campaign see what happened).
import { getBusinessProfile } from "~/domains/platform/business-profile.server";
import type { Db, Tx } from "~/infra/db.server";
import { getEnv } from "~/infra/env.server";
import { queueEmail } from "./messages.server";
import { renderTemplate } from "./render-email.server";
import { isSuppressed, SUPPRESSED_ERROR } from "./suppressions.server";
import {
  defaultCategory,
  isSensitiveTemplate,
  type EmailCategory,
  type TemplateName,
  type TemplateProps,
} from "./templates/template-props";
import { oneClickUnsubscribeUrl, unsubscribePageUrl } from "./unsubscribe-token.server";

export type { TemplateName, TemplateProps } from "./templates/template-props";

export type TemplateEmail<N extends TemplateName> = {
  to: string;
  /** The recipient's language ("en", "es"); anything else falls back to English. */
  locale?: string | null;
  template: N;
  props: TemplateProps[N];
  /** Defaults to "marketing" for broadcast, "transactional" otherwise. */
  category?: EmailCategory;
  /** A caller-chosen message id, for idempotent jobs (a second insert with it fails). */
  id?: string;
};

/** The address part of MAIL_FROM ("Verso <no-reply@x>" → "no-reply@x"). */
function mailFromAddress(): string {
  const from = getEnv().MAIL_FROM;
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

export function unsubscribeHeaders(to: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${oneClickUnsubscribeUrl(to)}>, <mailto:${mailFromAddress()}?subject=unsubscribe>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

export async function queueTemplateEmail<N extends TemplateName>(
  db: Db | Tx,
  email: TemplateEmail<N>,
): Promise<{ id: string; suppressed: boolean }> {
  const to = email.to.trim().toLowerCase();
  const category = email.category ?? defaultCategory(email.template);
  const marketing = category === "marketing";
  const business = await getBusinessProfile(db);
  const rendered = await renderTemplate(email.template, email.props, {
    locale: email.locale,
    business,
    unsubscribeUrl: marketing ? unsubscribePageUrl(to) : null,
  });
  const message = {
    to,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    template: email.template,
    locale: rendered.locale,
    category,
    sensitive: isSensitiveTemplate(email.template),
    headers: marketing ? unsubscribeHeaders(to) : {},
    ...(email.id ? { id: email.id } : {}),
  };
  if (marketing && (await isSuppressed(db, to))) {
    const row = await db.emailMessage.create({
      data: { ...message, from: getEnv().MAIL_FROM, status: "failed", error: SUPPRESSED_ERROR },
      select: { id: true },
    });
    return { id: row.id, suppressed: true };
  }
  const queued = await queueEmail(db, message);
  return { id: queued.id, suppressed: false };
}
