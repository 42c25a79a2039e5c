// Sent to the OLD address when someone signed in asks to move the account to another address.
import type { EmailTemplate } from "./chrome";
import { NoticeEmail } from "./notice-email";
import type { TemplateProps } from "./template-props";

export const emailChangeRequestedTemplate: EmailTemplate<TemplateProps["email-change-requested"]> = {
  subject: ({ t, business }) => t("templates.email-change-requested.subject", { business: business.name }),
  Body: ({ chrome, name, newEmail }) => (
    <NoticeEmail chrome={chrome} keyPrefix="templates.email-change-requested" name={name} values={{ email: newEmail }} />
  ),
};
