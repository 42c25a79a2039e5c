// Renders a template in the recipient's language: subject, HTML and the plain-text alternative
// (React Email's render, the second time with `plainText`).
import { render } from "@react-email/render";
import type { BusinessProfile } from "~/domains/platform/business-profile.server";
import { fallbackLanguage, isLanguage } from "~/infra/i18n";
import { getI18nInstance } from "~/infra/i18n.server";
import { broadcastTemplate } from "./templates/broadcast";
import type { EmailChrome, EmailTemplate } from "./templates/chrome";
import { emailChangeConfirmTemplate } from "./templates/email-change-confirm";
import { emailChangeRequestedTemplate } from "./templates/email-change-requested";
import { emailChangedTemplate } from "./templates/email-changed";
import { exportReadyTemplate } from "./templates/export-ready";
import { giftCardTemplate } from "./templates/gift-card";
import { orderConfirmationTemplate } from "./templates/order-confirmation";
import { orderRefundedTemplate } from "./templates/order-refunded";
import { orderShippedTemplate } from "./templates/order-shipped";
import { passwordChangedTemplate } from "./templates/password-changed";
import { passwordResetTemplate } from "./templates/password-reset";
import { signInCodeTemplate } from "./templates/sign-in-code";
import type { TemplateName, TemplateProps } from "./templates/template-props";
import { verifyEmailTemplate } from "./templates/verify-email";

const templates: { [N in TemplateName]: EmailTemplate<TemplateProps[N]> } = {
  "verify-email": verifyEmailTemplate,
  "password-reset": passwordResetTemplate,
  "sign-in-code": signInCodeTemplate,
  "email-change-confirm": emailChangeConfirmTemplate,
  "email-change-requested": emailChangeRequestedTemplate,
  "email-changed": emailChangedTemplate,
  "password-changed": passwordChangedTemplate,
  "export-ready": exportReadyTemplate,
  broadcast: broadcastTemplate,
  "gift-card": giftCardTemplate,
  "order-shipped": orderShippedTemplate,
  "order-refunded": orderRefundedTemplate,
  "order-confirmation": orderConfirmationTemplate,
};

export type RenderedEmail = { subject: string; html: string; text: string; locale: string };

export async function renderTemplate<N extends TemplateName>(
  name: N,
  props: TemplateProps[N],
  {
    locale,
    business,
    unsubscribeUrl = null,
  }: { locale?: string | null; business: BusinessProfile; unsubscribeUrl?: string | null },
): Promise<RenderedEmail> {
  const language = isLanguage(locale) ? locale : fallbackLanguage;
  const instance = await getI18nInstance(language);
  const chrome: EmailChrome = { t: instance.getFixedT(language, "email"), locale: language, business, unsubscribeUrl };
  const template = templates[name] as EmailTemplate<TemplateProps[N]>;
  const element = template.Body({ chrome, ...props });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: template.subject(chrome, props), html, text, locale: language };
}
