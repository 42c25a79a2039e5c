// The frame of every e-mail: the business name (and logo, when set) on top, the message, then a
// footer with the postal address, the support address and, for marketing mail, the unsubscribe link.
import { Body, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";
import { Fragment, type ReactNode } from "react";
import type { EmailChrome } from "./chrome";

const page = { backgroundColor: "#f1f5f9", fontFamily: "Helvetica, Arial, sans-serif", color: "#0f172a", margin: 0 };
const card = { backgroundColor: "#ffffff", borderRadius: "8px", margin: "24px auto", maxWidth: "560px", padding: "32px" };
const brand = { fontSize: "20px", fontWeight: 700, margin: "0 0 24px" };
const footer = { color: "#475569", fontSize: "12px", lineHeight: "18px", margin: "4px 0" };

export function EmailLayout({ chrome, preview, children }: { chrome: EmailChrome; preview: string; children: ReactNode }) {
  const { t, business, unsubscribeUrl, locale } = chrome;
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Section>
            {business.logoUrl ? (
              <Img src={business.logoUrl} alt={business.name} height="40" style={{ margin: "0 0 16px" }} />
            ) : null}
            <Text style={brand}>{business.name}</Text>
          </Section>
          {children}
          <Text>{t("layout.signature", { business: business.name })}</Text>
          <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0 16px" }} />
          <Section>
            <Text style={footer}>
              {unsubscribeUrl
                ? t("layout.marketingReason", { business: business.name })
                : t("layout.transactionalReason", { business: business.name })}
            </Text>
            {business.postalAddress ? (
              <Text style={footer}>
                {business.postalAddress.split(/\r?\n/).map((line, index) => (
                  <Fragment key={index}>
                    {index > 0 ? <br /> : null}
                    {line}
                  </Fragment>
                ))}
              </Text>
            ) : null}
            {business.supportEmail ? <Text style={footer}>{t("layout.support", { email: business.supportEmail })}</Text> : null}
            {unsubscribeUrl ? (
              <Text style={footer}>
                <Link href={unsubscribeUrl} style={{ color: "#475569", textDecoration: "underline" }}>
                  {t("layout.unsubscribe")}
                </Link>
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
