// Sent when an order is placed with an offline payment (what to pay and how) or when its payment is
// received (Stripe, gift cards, or staff marking an offline payment). Items, totals, the delivery
// address and the link to the order page (signed, so it works for guests).
import { Column, Row, Section, Text } from "@react-email/components";
import { formatMoney } from "~/utils/money";
import type { EmailTemplate } from "./chrome";
import { EmailLayout } from "./layout";
import { CallToAction, Paragraph } from "./parts";
import type { TemplateProps } from "./template-props";

const cell = { fontSize: "14px", lineHeight: "20px", margin: "2px 0" };
const strong = { ...cell, fontWeight: 700 };

export const orderConfirmationTemplate: EmailTemplate<TemplateProps["order-confirmation"]> = {
  subject: ({ t }, { orderNumber, kind }) =>
    t(kind === "paid" ? "orderConfirmation.subjectPaid" : "orderConfirmation.subjectPlaced", { number: orderNumber }),
  Body: (props) => {
    const { chrome, orderNumber, kind, currency, items, shippingAddress, paymentInstructions, orderUrl } = props;
    const { t, locale } = chrome;
    const money = (value: number) => formatMoney(value, currency, locale);
    const totals: Array<[string, number, boolean?]> = [
      [t("orderConfirmation.subtotal"), props.merchandiseSubtotal],
      ...(props.discountTotal > 0 ? [[t("orderConfirmation.discount"), -props.discountTotal] as [string, number]] : []),
      [t("orderConfirmation.shipping"), props.shippingTotal],
      [t("orderConfirmation.tax"), props.taxTotal],
      [t("orderConfirmation.total"), props.grandTotal, true],
      ...(props.giftCardTotal > 0 ? [[t("orderConfirmation.giftCards"), -props.giftCardTotal] as [string, number]] : []),
      ...(props.giftCardTotal > 0
        ? [[t("orderConfirmation.amountDue"), props.amountDue, true] as [string, number, boolean]]
        : []),
    ];
    return (
      <EmailLayout
        chrome={chrome}
        preview={t(kind === "paid" ? "orderConfirmation.previewPaid" : "orderConfirmation.previewPlaced", {
          number: orderNumber,
        })}
      >
        <Paragraph>
          {t(kind === "paid" ? "orderConfirmation.bodyPaid" : "orderConfirmation.bodyPlaced", { number: orderNumber })}
        </Paragraph>
        {kind === "awaiting_payment" ? (
          <>
            <Paragraph>{t("orderConfirmation.payNow", { amount: money(props.amountDue) })}</Paragraph>
            {paymentInstructions ? (
              <Text style={{ ...cell, margin: "0 0 16px" }}>
                {paymentInstructions.split(/\r?\n/).map((line, index) => (
                  <span key={index}>
                    {line}
                    <br />
                  </span>
                ))}
              </Text>
            ) : null}
          </>
        ) : null}
        <Section>
          {items.map((item, index) => (
            <Row key={index}>
              <Column>
                <Text style={cell}>
                  {t("orderConfirmation.item", {
                    quantity: item.quantity,
                    title: item.variantTitle ? `${item.title} (${item.variantTitle})` : item.title,
                  })}
                </Text>
              </Column>
              <Column align="right">
                <Text style={cell}>{money(item.lineTotal)}</Text>
              </Column>
            </Row>
          ))}
        </Section>
        <Section style={{ margin: "12px 0 16px" }}>
          {totals.map(([label, value, bold], index) => (
            <Row key={index}>
              <Column>
                <Text style={bold ? strong : cell}>{label}</Text>
              </Column>
              <Column align="right">
                <Text style={bold ? strong : cell}>{money(value)}</Text>
              </Column>
            </Row>
          ))}
        </Section>
        {shippingAddress ? (
          <>
            <Text style={strong}>{t("orderConfirmation.shipTo")}</Text>
            <Text style={{ ...cell, margin: "0 0 16px" }}>
              {shippingAddress.map((line, index) => (
                <span key={index}>
                  {line}
                  <br />
                </span>
              ))}
            </Text>
          </>
        ) : null}
        {props.hasDownloads ? <Paragraph>{t("orderConfirmation.downloads")}</Paragraph> : null}
        <CallToAction chrome={chrome} href={orderUrl} label={t("orderConfirmation.button")} />
      </EmailLayout>
    );
  },
};
