// Forgotten password: the one-hour, single-use reset link.
import type { TemplateProps } from "./template-props";
import type { EmailTemplate } from "./chrome";
import { SingleLinkEmail } from "./single-link-email";

export const passwordResetTemplate: EmailTemplate<TemplateProps["password-reset"]> = {
  subject: ({ t, business }) => t("templates.password-reset.subject", { business: business.name }),
  Body: ({ chrome, name, url }) => <SingleLinkEmail chrome={chrome} keyPrefix="templates.password-reset" name={name} url={url} />,
};
