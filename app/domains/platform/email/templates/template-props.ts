// The e-mail templates and the props each one takes. Shared by the callers (queueTemplateEmail)
// and the renderer; pure, so it can be imported anywhere.

export type TemplateProps = {
  /** Sign-up: confirm the address (24-hour single-use link). */
  "verify-email": { name: string; url: string };
  /** Forgotten password: one-hour single-use link. */
  "password-reset": { name: string; url: string };
  /** E-mail sign-in: the one-time code and its magic link. */
  "sign-in-code": { name: string; code: string; url: string };
  /** Sent to the NEW address: open the link to make it the account's address. */
  "email-change-confirm": { name: string; url: string };
  /** Sent to the OLD address when a change was asked for. */
  "email-change-requested": { name: string; newEmail: string };
  /** Sent to the OLD address once the change is done. */
  "email-changed": { name: string; newEmail: string };
  /** The password was changed; url is the account security page. */
  "password-changed": { name: string; url: string };
  /** An export file is ready; expiresAt is an ISO timestamp. */
  /** `timeZone`: the requester's (IANA name), for the expiry time. */
  "export-ready": { fileName: string; downloadUrl: string; expiresAt: string; rowCount: number; timeZone?: string };
  /** A campaign message: plain-text paragraphs separated by blank lines. */
  broadcast: { subject: string; bodyText: string };
  /** An order was fulfilled; carrier/trackingNumber are null for digital-only orders. */
  "order-shipped": {
    orderNumber: string;
    carrier: string | null;
    trackingNumber: string | null;
    items: Array<{ title: string; variantTitle: string; quantity: number }>;
    orderUrl: string;
  };
  /** An order placed with an offline payment (kind awaiting_payment) or paid (kind paid); amounts in minor units. */
  "order-confirmation": {
    orderNumber: string;
    kind: "awaiting_payment" | "paid";
    currency: string;
    items: Array<{ title: string; variantTitle: string; quantity: number; lineTotal: number }>;
    merchandiseSubtotal: number;
    discountTotal: number;
    shippingTotal: number;
    taxTotal: number;
    giftCardTotal: number;
    grandTotal: number;
    amountDue: number;
    /** Lines of the delivery address, or null when nothing ships. */
    shippingAddress: string[] | null;
    /** The shop's offline payment instructions (awaiting_payment only). */
    paymentInstructions: string | null;
    hasDownloads: boolean;
    orderUrl: string;
  };
  /** A gift card for its recipient: the code formatted XXXX-XXXX-XXXX-XXXX, the amount formatted, expiry ISO or null. */
  "gift-card": { code: string; amount: string; expiresAt: string | null; shopUrl: string };
  /** Money went back on an order (minor units of `currency`); giftCardAmount is the part credited to gift cards. */
  "order-refunded": {
    orderNumber: string;
    amount: number;
    giftCardAmount: number;
    refundedTotal: number;
    currency: string;
    fullyRefunded: boolean;
    orderUrl: string;
  };
};

export type TemplateName = keyof TemplateProps;

export type EmailCategory = "transactional" | "marketing";

export const TEMPLATE_NAMES = [
  "verify-email",
  "password-reset",
  "sign-in-code",
  "email-change-confirm",
  "email-change-requested",
  "email-changed",
  "password-changed",
  "export-ready",
  "broadcast",
  "gift-card",
  "order-shipped",
  "order-refunded",
  "order-confirmation",
] as const satisfies readonly TemplateName[];

/** Templates carrying a one-time link or code: their bodies are hidden in the admin log once SMTP is set. */
const SENSITIVE: ReadonlySet<TemplateName> = new Set([
  "verify-email",
  "password-reset",
  "sign-in-code",
  "email-change-confirm",
  "export-ready",
  "gift-card",
]);

export function isSensitiveTemplate(name: TemplateName): boolean {
  return SENSITIVE.has(name);
}

/** The category a template is sent as unless the caller says otherwise. */
export function defaultCategory(name: TemplateName): EmailCategory {
  return name === "broadcast" ? "marketing" : "transactional";
}

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === "string" && (TEMPLATE_NAMES as readonly string[]).includes(value);
}
