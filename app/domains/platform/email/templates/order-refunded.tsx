// Sent when money goes back on an order: how much, how much of it returns to gift cards, and
// whether the order is now refunded in full. Amounts are formatted in the recipient's language.
import { formatMoney } from "~/utils/money";
import type { EmailTemplate } from "./chrome";
import { EmailLayout } from "./layout";
import { CallToAction, Paragraph } from "./parts";
import type { TemplateProps } from "./template-props";

export const orderRefundedTemplate: EmailTemplate<TemplateProps["order-refunded"]> = {
  subject: ({ t }, { orderNumber }) => t("orderMails.refunded.subject", { number: orderNumber }),
  Body: ({ chrome, orderNumber, amount, giftCardAmount, refundedTotal, currency, fullyRefunded, orderUrl }) => {
    const { t, locale } = chrome;
    const money = (value: number) => formatMoney(value, currency, locale);
    return (
      <EmailLayout chrome={chrome} preview={t("orderMails.refunded.preview", { number: orderNumber })}>
        <Paragraph>{t("orderMails.refunded.body", { number: orderNumber, amount: money(amount) })}</Paragraph>
        {amount - giftCardAmount > 0 ? (
          <Paragraph>{t("orderMails.refunded.card", { amount: money(amount - giftCardAmount) })}</Paragraph>
        ) : null}
        {giftCardAmount > 0 ? (
          <Paragraph>{t("orderMails.refunded.giftCard", { amount: money(giftCardAmount) })}</Paragraph>
        ) : null}
        <Paragraph>
          {fullyRefunded ? t("orderMails.refunded.full") : t("orderMails.refunded.partial", { total: money(refundedTotal) })}
        </Paragraph>
        <CallToAction chrome={chrome} href={orderUrl} label={t("orderMails.refunded.button")} />
      </EmailLayout>
    );
  },
};
