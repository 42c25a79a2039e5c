// Sent to the OLD address once the account moved to the new one.
import type { EmailTemplate } from "./chrome";
import { NoticeEmail } from "./notice-email";
import type { TemplateProps } from "./template-props";

export const emailChangedTemplate: EmailTemplate<TemplateProps["email-changed"]> = {
  subject: ({ t, business }) => t("templates.email-changed.subject", { business: business.name }),
  Body: ({ chrome, name, newEmail }) => (
    <NoticeEmail chrome={chrome} keyPrefix="templates.email-changed" name={name} values={{ email: newEmail }} />
  ),
};
