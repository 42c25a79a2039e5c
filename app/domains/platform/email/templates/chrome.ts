// What every template receives besides its own props: the translator for the recipient's language,
import type React from "react";
// the business shown in the layout, and (marketing mail only) the unsubscribe link.
import type { TFunction } from "i18next";
import type { BusinessProfile } from "~/domains/platform/business-profile.server";

export type EmailChrome = {
  t: TFunction;
  locale: string;
  business: BusinessProfile;
  /** Set for marketing mail: the footer links to it. */
  unsubscribeUrl: string | null;
};

/** One template: its subject line and its body, both in the recipient's language. */
export type EmailTemplate<P> = {
  subject: (chrome: EmailChrome, props: P) => string;
  Body: (props: { chrome: EmailChrome } & P) => React.JSX.Element;
};
