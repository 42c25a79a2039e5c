// A gift card for its recipient: the amount, the code to type at checkout, until when it can be
// used (in UTC, named, since the recipient's zone is unknown), and a link to the shop.
import type { EmailTemplate } from "./chrome";
import { EmailLayout } from "./layout";
import { CallToAction, Paragraph } from "./parts";
import type { TemplateProps } from "./template-props";

function formatExpiry(iso: string, locale: string) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // timeStyle "long" names the zone ("11:00:00 PM UTC"); dateStyle cannot be combined with timeZoneName.
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "long", timeZone: "UTC" }).format(date);
}

export const giftCardTemplate: EmailTemplate<TemplateProps["gift-card"]> = {
  subject: ({ t, business }, { amount }) => t("giftCardMail.subject", { amount, business: business.name }),
  Body: ({ chrome, code, amount, expiresAt, shopUrl }) => {
    const { t, locale, business } = chrome;
    return (
      <EmailLayout chrome={chrome} preview={t("giftCardMail.preview", { amount })}>
        <Paragraph>{t("giftCardMail.body", { amount, business: business.name })}</Paragraph>
        <Paragraph>
          {t("giftCardMail.codeLabel")} <strong style={{ fontFamily: "monospace", fontSize: "18px" }}>{code}</strong>
        </Paragraph>
        <Paragraph>{t("giftCardMail.howTo")}</Paragraph>
        {expiresAt ? <Paragraph>{t("giftCardMail.expires", { date: formatExpiry(expiresAt, locale) })}</Paragraph> : null}
        <CallToAction chrome={chrome} href={shopUrl} label={t("giftCardMail.button")} />
      </EmailLayout>
    );
  },
};
