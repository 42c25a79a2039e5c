// Sign-up: confirm the address (the link in it is single-use, 24 hours).
import type { TemplateProps } from "./template-props";
import type { EmailTemplate } from "./chrome";
import { SingleLinkEmail } from "./single-link-email";

export const verifyEmailTemplate: EmailTemplate<TemplateProps["verify-email"]> = {
  subject: ({ t, business }) => t("templates.verify-email.subject", { business: business.name }),
  Body: ({ chrome, name, url }) => <SingleLinkEmail chrome={chrome} keyPrefix="templates.verify-email" name={name} url={url} />,
};
