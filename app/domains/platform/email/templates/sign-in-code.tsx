// The one-time sign-in code (never in the subject: subjects end up in logs and notification previews)
// and its magic link.
import { Text } from "@react-email/components";
import type { EmailTemplate } from "./chrome";
import { EmailLayout } from "./layout";
import { CallToAction, Greeting, Paragraph } from "./parts";
import type { TemplateProps } from "./template-props";

export const signInCodeTemplate: EmailTemplate<TemplateProps["sign-in-code"]> = {
  subject: ({ t, business }) => t("templates.sign-in-code.subject", { business: business.name }),
  Body: ({ chrome, name, code, url }) => {
    const { t } = chrome;
    return (
      <EmailLayout chrome={chrome} preview={t("templates.sign-in-code.preview")}>
        <Greeting chrome={chrome} name={name} />
        <Paragraph>{t("templates.sign-in-code.body")}</Paragraph>
        <Text style={{ fontFamily: "Menlo, Consolas, monospace", fontSize: "28px", fontWeight: 700, letterSpacing: "6px" }}>
          {code}
        </Text>
        <Paragraph>{t("templates.sign-in-code.validity")}</Paragraph>
        <Paragraph>{t("templates.sign-in-code.link")}</Paragraph>
        <CallToAction chrome={chrome} href={url} label={t("templates.sign-in-code.button")} />
        <Paragraph>{t("templates.sign-in-code.ignore")}</Paragraph>
      </EmailLayout>
    );
  },
};
