// The shape of account notices sent to the address on file: greeting, what happened, "if this was not you".
import type { ReactNode } from "react";
import type { EmailChrome } from "./chrome";
import { EmailLayout } from "./layout";
import { Greeting, Paragraph } from "./parts";

export function NoticeEmail({
  chrome,
  keyPrefix,
  name,
  values = {},
  children,
}: {
  chrome: EmailChrome;
  keyPrefix: string;
  name: string;
  values?: Record<string, string>;
  children?: ReactNode;
}) {
  const { t, business } = chrome;
  return (
    <EmailLayout chrome={chrome} preview={t(`${keyPrefix}.preview`)}>
      <Greeting chrome={chrome} name={name} />
      <Paragraph>{t(`${keyPrefix}.body`, { business: business.name, ...values })}</Paragraph>
      <Paragraph>{t(`${keyPrefix}.warning`)}</Paragraph>
      {children}
    </EmailLayout>
  );
}
