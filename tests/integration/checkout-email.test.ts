// The order confirmation e-mail in both languages: what to pay and how (offline), or payment received.
import { describe, expect, it } from "vitest";
import { DEFAULT_BUSINESS_PROFILE } from "~/domains/platform/business-profile.server";
import { renderTemplate } from "~/domains/platform/email/render-email.server";
import type { TemplateProps } from "~/domains/platform/email/templates/template-props";

const props: TemplateProps["order-confirmation"] = {
  orderNumber: "VS-7K3M-Q9XD",
  kind: "awaiting_payment",
  currency: "EUR",
  items: [
    { title: "Camiseta", variantTitle: "M / Rojo", quantity: 2, lineTotal: 4000 },
    { title: "Taza", variantTitle: "", quantity: 1, lineTotal: 1250 },
  ],
  merchandiseSubtotal: 5250,
  discountTotal: 525,
  shippingTotal: 500,
  taxTotal: 992,
  giftCardTotal: 0,
  grandTotal: 6217,
  amountDue: 6217,
  shippingAddress: ["Ada Lovelace", "Calle Mayor 1", "28013 Madrid", "Spain"],
  paymentInstructions: "IBAN ES00 1234\nConcepto: VS-7K3M-Q9XD",
  hasDownloads: false,
  orderUrl: "https://shop.test/order/VS-7K3M-Q9XD?key=abc",
};

describe("order confirmation e-mail", () => {
  it("tells a Spanish customer what to pay, how, and where the order goes", async () => {
    const mail = await renderTemplate("order-confirmation", props, { locale: "es", business: DEFAULT_BUSINESS_PROFILE });
    mail.text = mail.text.replace(/\u00a0/g, " ");
    expect(mail.subject).toBe("Pedido VS-7K3M-Q9XD recibido: instrucciones de pago");
    expect(mail.text).toContain("Paga 62,17 € de la siguiente forma:");
    expect(mail.text).toContain("IBAN ES00 1234\nConcepto: VS-7K3M-Q9XD");
    expect(mail.text).toContain("2 × Camiseta (M / Rojo)");
    expect(mail.text).toContain("-5,25 €");
    expect(mail.text).toContain("Calle Mayor 1");
    expect(mail.text).toContain("https://shop.test/order/VS-7K3M-Q9XD?key=abc");
  });

  it("says the payment was received, without instructions, and points to the downloads", async () => {
    const mail = await renderTemplate(
      "order-confirmation",
      { ...props, kind: "paid", currency: "USD", paymentInstructions: null, hasDownloads: true, shippingAddress: null },
      { locale: "en", business: DEFAULT_BUSINESS_PROFILE },
    );
    expect(mail.subject).toBe("Order VS-7K3M-Q9XD confirmed: payment received");
    expect(mail.text).not.toContain("IBAN");
    expect(mail.text).not.toContain("Delivery address");
    expect(mail.text).toContain("Your digital items are ready to download from your order page.");
    expect(mail.text).toContain("$62.17");
  });
});
