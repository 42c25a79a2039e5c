// Small building blocks shared by the templates: paragraphs, the call-to-action button with its
// copyable link, and the greeting.
import { Button, Link, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { EmailChrome } from "./chrome";

const paragraph = { fontSize: "15px", lineHeight: "22px", margin: "0 0 16px" };

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={paragraph}>{children}</Text>;
}

export function Greeting({ chrome, name }: { chrome: EmailChrome; name: string }) {
  return <Paragraph>{chrome.t("layout.greeting", { name })}</Paragraph>;
}

/** A button, then the same link written out (plain-text readers and buttons that do not render). */
export function CallToAction({ chrome, href, label }: { chrome: EmailChrome; href: string; label: string }) {
  return (
    <>
      <Button
        href={href}
        style={{
          backgroundColor: "#1d4ed8",
          borderRadius: "6px",
          color: "#ffffff",
          fontSize: "15px",
          fontWeight: 600,
          padding: "12px 20px",
          textDecoration: "none",
        }}
        data-skip-in-text="true"
      >
        {label}
      </Button>
      <Text style={{ ...paragraph, fontSize: "13px", margin: "16px 0" }}>
        {chrome.t("layout.linkFallback")}
        <br />
        <Link href={href} style={{ color: "#1d4ed8", wordBreak: "break-all" }}>
          {href}
        </Link>
      </Text>
    </>
  );
}
