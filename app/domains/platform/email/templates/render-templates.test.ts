// The templates render in both languages, carry the business identity, and their plain-text part
// keeps the links a reader needs.
import { describe, expect, it } from "vitest";
import { DEFAULT_BUSINESS_PROFILE, type BusinessProfile } from "~/domains/platform/business-profile.server";
import { renderTemplate } from "../render-email.server";

const business: BusinessProfile = {
  name: "Acme Bikes",
  logoUrl: "https://cdn.acme.test/logo.png",
  postalAddress: "1 Canal Street\nAmsterdam",
  supportEmail: "help@acme.test",
};

describe("renderTemplate", () => {
  it("renders the reset e-mail in English with the business name, logo, footer and the link in both parts", async () => {
    const url = "https://app.test/auth/reset-password?token=abc123";
    const mail = await renderTemplate("password-reset", { name: "Nora", url }, { locale: "en", business });
    expect(mail.subject).toBe("Reset your password");
    expect(mail.html).toContain('lang="en"');
    expect(mail.html).toContain("Acme Bikes");
    expect(mail.html).toContain('src="https://cdn.acme.test/logo.png"');
    expect(mail.html).toContain(`href="${url.replace(/&/g, "&amp;")}"`);
    expect(mail.html).toContain("help@acme.test");
    expect(mail.text).toContain("Hello Nora,");
    expect(mail.text).toContain(url);
    expect(mail.text).toContain("1 Canal Street\nAmsterdam");
    expect(mail.text).not.toContain("<");
    expect(mail.text).not.toMatch(/unsubscribe/i);
  });

  it("renders in Spanish for a Spanish recipient and falls back to English for an unknown language", async () => {
    const url = "https://app.test/auth/verify-email?token=xyz";
    const es = await renderTemplate("verify-email", { name: "Lucía", url }, { locale: "es", business });
    expect(es.subject).toBe("Confirma tu correo electrónico");
    expect(es.html).toContain('lang="es"');
    expect(es.text).toContain("Hola, Lucía:");
    expect(es.text).toContain("— El equipo de Acme Bikes");
    expect(es.text).toContain(url);
    const fallback = await renderTemplate("verify-email", { name: "Kai", url }, { locale: "de", business });
    expect(fallback.subject).toBe("Confirm your e-mail address");
    expect(fallback.locale).toBe("en");
  });

  it("puts the sign-in code in the body but never in the subject", async () => {
    const mail = await renderTemplate(
      "sign-in-code",
      { name: "Nora", code: "493817", url: "https://app.test/auth/email-code/verify?t=tok" },
      { locale: "en", business: DEFAULT_BUSINESS_PROFILE },
    );
    expect(mail.subject).toBe("Your Verso sign-in code");
    expect(mail.text).toContain("493817");
    expect(mail.text).toContain("https://app.test/auth/email-code/verify?t=tok");
    expect(mail.html).not.toContain("<img");
  });

  it("escapes what people typed: a broadcast body is text, never markup", async () => {
    const mail = await renderTemplate(
      "broadcast",
      { subject: "Spring sale", bodyText: "First <b>bold</b> paragraph.\n\nSecond <script>alert(1)</script> one." },
      { locale: "en", business, unsubscribeUrl: "https://app.test/email/unsubscribe?token=t1" },
    );
    expect(mail.subject).toBe("Spring sale");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.text).toContain("First <b>bold</b> paragraph.");
    expect(mail.text).toContain("Unsubscribe from these e-mails");
    expect(mail.text).toContain("https://app.test/email/unsubscribe?token=t1");
  });

  it("says when an export expires and how many rows it holds, per language", async () => {
    const props = {
      fileName: "users-2026-11-24.csv",
      downloadUrl: "https://app.test/account/exports/exp_1/download",
      expiresAt: "2026-11-25T10:00:00.000Z",
      rowCount: 1,
    };
    const en = await renderTemplate("export-ready", props, { locale: "en", business });
    expect(en.subject).toBe("Your export users-2026-11-24.csv is ready");
    expect(en.text).toContain("1 row.");
    expect(en.text).toContain("November 25, 2026");
    expect(en.text).toContain(props.downloadUrl);
    const es = await renderTemplate("export-ready", { ...props, rowCount: 2 }, { locale: "es", business });
    expect(es.text).toContain("2 filas.");
    expect(es.text).toContain("25 de noviembre de 2026");
  });

  it("gives the expiry in the requester's time zone, named", async () => {
    const props = {
      fileName: "users.csv",
      downloadUrl: "https://app.test/x",
      expiresAt: "2026-11-25T23:30:00.000Z",
      rowCount: 3,
      timeZone: "Asia/Tokyo",
    };
    const tokyo = await renderTemplate("export-ready", props, { locale: "en", business });
    expect(tokyo.text).toMatch(/November 26, 2026 at 8:30:00\s?AM GMT\+9/);
    const utc = await renderTemplate("export-ready", { ...props, timeZone: undefined }, { locale: "en", business });
    expect(utc.text).toMatch(/November 25, 2026 at 11:30:00\s?PM UTC/);
  });
});
