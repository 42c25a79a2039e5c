// The gift card e-mail: the amount and the grouped code in both parts, the expiry written out (in
// UTC, named), the shop link, in English and Spanish; hidden in the admin log like other secrets.
import { describe, expect, it } from "vitest";
import { DEFAULT_BUSINESS_PROFILE } from "~/domains/platform/business-profile.server";
import { renderTemplate } from "~/domains/platform/email/render-email.server";
import { isSensitiveTemplate } from "~/domains/platform/email/templates/template-props";

const props = {
  code: "ABCD-EFGH-2345-6789",
  amount: "$25.00",
  expiresAt: "2027-01-31T23:00:00.000Z",
  shopUrl: "https://shop.test/shop",
};

describe("gift card e-mail", () => {
  it("gives the code, amount, expiry and shop link in English", async () => {
    const mail = await renderTemplate("gift-card", props, { locale: "en", business: DEFAULT_BUSINESS_PROFILE });
    expect(mail.subject).toBe("A $25.00 gift card for Verso");
    expect(mail.text).toContain("ABCD-EFGH-2345-6789");
    expect(mail.text).toContain("You have received a gift card worth $25.00");
    expect(mail.text).toContain("It can be used until January 31, 2027 at 11:00:00 PM UTC.");
    expect(mail.text).toContain("https://shop.test/shop");
    expect(mail.html).toContain("ABCD-EFGH-2345-6789");
    expect(isSensitiveTemplate("gift-card")).toBe(true);
  });

  it("is written in Spanish for a Spanish recipient and leaves out the expiry of a card that never expires", async () => {
    const mail = await renderTemplate(
      "gift-card",
      { ...props, amount: "25,00 US$", expiresAt: null },
      { locale: "es", business: DEFAULT_BUSINESS_PROFILE },
    );
    expect(mail.subject).toBe("Una tarjeta regalo de 25,00 US$ para Verso");
    expect(mail.text).toContain("El código de tu tarjeta regalo: ABCD-EFGH-2345-6789");
    expect(mail.text).not.toContain("Puedes usarla hasta");
    const withExpiry = await renderTemplate("gift-card", props, { locale: "es", business: DEFAULT_BUSINESS_PROFILE });
    expect(withExpiry.text).toContain("Puedes usarla hasta el 31 de enero de 2027 a las 23:00:00 UTC.");
  });
});
