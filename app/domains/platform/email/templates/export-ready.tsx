// A requested export has been generated: its name, size, download link and until when it is kept.
import type { EmailTemplate } from "./chrome";
import { EmailLayout } from "./layout";
import { CallToAction, Paragraph } from "./parts";
import type { TemplateProps } from "./template-props";

/** In the requester's time zone, named, so the time is unambiguous wherever the mail is read. */
function formatExpiry(iso: string, locale: string, timeZone = "UTC") {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options = { dateStyle: "long", timeStyle: "long", timeZone } as const;
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(date);
  }
}

export const exportReadyTemplate: EmailTemplate<TemplateProps["export-ready"]> = {
  subject: ({ t }, { fileName }) => t("templates.export-ready.subject", { fileName }),
  Body: ({ chrome, fileName, downloadUrl, expiresAt, rowCount, timeZone }) => {
    const { t, locale } = chrome;
    return (
      <EmailLayout chrome={chrome} preview={t("templates.export-ready.preview")}>
        <Paragraph>{t("templates.export-ready.body", { fileName, count: rowCount })}</Paragraph>
        <CallToAction chrome={chrome} href={downloadUrl} label={t("templates.export-ready.button")} />
        <Paragraph>{t("templates.export-ready.expires", { date: formatExpiry(expiresAt, locale, timeZone) })}</Paragraph>
      </EmailLayout>
    );
  },
};
