// The shape of the e-mails whose point is one single-use link: greeting, why, the link, "ignore if not you".
import type { EmailChrome } from "./chrome";
import { EmailLayout } from "./layout";
import { CallToAction, Greeting, Paragraph } from "./parts";

export function SingleLinkEmail({
  chrome,
  keyPrefix,
  name,
  url,
}: {
  chrome: EmailChrome;
  keyPrefix: string;
  name: string;
  url: string;
}) {
  const { t, business } = chrome;
  return (
    <EmailLayout chrome={chrome} preview={t(`${keyPrefix}.preview`)}>
      <Greeting chrome={chrome} name={name} />
      <Paragraph>{t(`${keyPrefix}.body`, { business: business.name })}</Paragraph>
      <CallToAction chrome={chrome} href={url} label={t(`${keyPrefix}.button`)} />
      <Paragraph>{t(`${keyPrefix}.ignore`, { business: business.name })}</Paragraph>
    </EmailLayout>
  );
}
