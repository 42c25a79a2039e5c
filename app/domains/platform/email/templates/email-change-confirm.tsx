// Sent to a NEW address: open the link (signed in) to make it the account's address.
import type { TemplateProps } from "./template-props";
import type { EmailTemplate } from "./chrome";
import { SingleLinkEmail } from "./single-link-email";

export const emailChangeConfirmTemplate: EmailTemplate<TemplateProps["email-change-confirm"]> = {
  subject: ({ t, business }) => t("templates.email-change-confirm.subject", { business: business.name }),
  Body: ({ chrome, name, url }) => (
    <SingleLinkEmail chrome={chrome} keyPrefix="templates.email-change-confirm" name={name} url={url} />
  ),
};
