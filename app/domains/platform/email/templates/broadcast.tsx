// A campaign message written by an admin as plain text: blank lines separate paragraphs, single line
// breaks are kept. The text is rendered as text (React escapes it), never as HTML.
import type { EmailTemplate } from "./chrome";
import { EmailLayout } from "./layout";
import { Paragraph } from "./parts";
import type { TemplateProps } from "./template-props";

export function paragraphsOf(bodyText: string): string[] {
  return bodyText
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export const broadcastTemplate: EmailTemplate<TemplateProps["broadcast"]> = {
  subject: (_chrome, { subject }) => subject,
  Body: ({ chrome, bodyText }) => (
    <EmailLayout chrome={chrome} preview={chrome.t("templates.broadcast.preview", { business: chrome.business.name })}>
      {paragraphsOf(bodyText).map((paragraph, index) => (
        <Paragraph key={index}>
          <span style={{ whiteSpace: "pre-line" }}>{paragraph}</span>
        </Paragraph>
      ))}
    </EmailLayout>
  ),
};
