// The /admin/settings form: the business shown in e-mails. Shared by the browser (conform) and the
// server (parseWithZod); messages come from the caller's `t`.
import { z } from "zod";

type Translate = (key: string) => string;

/** An optional text field: empty (or only spaces) means "not set". */
const optional = <S extends z.ZodTypeAny>(schema: S) =>
  schema.optional().or(
    z
      .string()
      .regex(/^\s*$/)
      .transform(() => undefined),
  );

export function createBusinessProfileSchema(t: Translate) {
  return z.object({
    name: z
      .string({ required_error: t("email:settings.errors.nameRequired") })
      .trim()
      .min(1, t("email:settings.errors.nameRequired"))
      .max(100, t("email:settings.errors.nameTooLong")),
    logoUrl: optional(
      z
        .string()
        .trim()
        .max(500, t("email:settings.errors.urlTooLong"))
        .url(t("email:settings.errors.logoUrlInvalid"))
        // Only https: e-mail clients block or warn about plain-http images, and other schemes are unsafe.
        .refine((value) => value.startsWith("https://"), t("email:settings.errors.logoUrlInvalid")),
    ),
    postalAddress: optional(z.string().trim().min(1).max(500, t("email:settings.errors.postalAddressTooLong"))),
    supportEmail: optional(
      z
        .string()
        .trim()
        .toLowerCase()
        .max(254, t("email:settings.errors.supportEmailInvalid"))
        .email(t("email:settings.errors.supportEmailInvalid")),
    ),
  });
}
