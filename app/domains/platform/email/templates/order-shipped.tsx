// Sent when an order is fulfilled: the carrier and tracking number (none for digital-only orders),
// what is in the parcel, and the link to the order page.
import type { EmailTemplate } from "./chrome";
import { EmailLayout } from "./layout";
import { CallToAction, Paragraph } from "./parts";
import type { TemplateProps } from "./template-props";

export const orderShippedTemplate: EmailTemplate<TemplateProps["order-shipped"]> = {
  subject: ({ t }, { orderNumber }) => t("orderMails.shipped.subject", { number: orderNumber }),
  Body: ({ chrome, orderNumber, carrier, trackingNumber, items, orderUrl }) => {
    const { t } = chrome;
    return (
      <EmailLayout chrome={chrome} preview={t("orderMails.shipped.preview", { number: orderNumber })}>
        <Paragraph>{t("orderMails.shipped.body", { number: orderNumber })}</Paragraph>
        {carrier && trackingNumber ? (
          <Paragraph>{t("orderMails.shipped.tracking", { carrier, trackingNumber })}</Paragraph>
        ) : (
          <Paragraph>{t("orderMails.shipped.noTracking")}</Paragraph>
        )}
        <Paragraph>
          {items.map((item, index) => (
            <span key={index}>
              {t("orderMails.shipped.item", {
                quantity: item.quantity,
                title: item.variantTitle ? `${item.title} (${item.variantTitle})` : item.title,
              })}
              <br />
            </span>
          ))}
        </Paragraph>
        <CallToAction chrome={chrome} href={orderUrl} label={t("orderMails.shipped.button")} />
      </EmailLayout>
    );
  },
};
