// Sent after a password change, so a change the owner did not make does not go unnoticed.
import type { EmailTemplate } from "./chrome";
import { NoticeEmail } from "./notice-email";
import { CallToAction } from "./parts";
import type { TemplateProps } from "./template-props";

export const passwordChangedTemplate: EmailTemplate<TemplateProps["password-changed"]> = {
  subject: ({ t, business }) => t("templates.password-changed.subject", { business: business.name }),
  Body: ({ chrome, name, url }) => (
    <NoticeEmail chrome={chrome} keyPrefix="templates.password-changed" name={name}>
      <CallToAction chrome={chrome} href={url} label={chrome.t("templates.password-changed.button")} />
    </NoticeEmail>
  ),
};
