// Form schemas of the admin area, shared by the browser (conform) and the server (parseWithZod).
// Messages come from the caller's `t`, so both sides speak the viewer's language.
import { z } from "zod";
import { supportedLanguages } from "~/infra/i18n";
import { isValidTimeZone } from "~/utils/dates";

export type Translate = (key: string) => string;

export const ROLE_NAME_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

export function createUserProfileSchema(t: Translate) {
  return z.object({
    name: z
      .string({ required_error: t("admin:users.errors.nameRequired") })
      .trim()
      .min(1, t("admin:users.errors.nameRequired"))
      .max(100, t("admin:users.errors.nameTooLong")),
    email: z
      .string({ required_error: t("admin:users.errors.emailRequired") })
      .trim()
      .toLowerCase()
      .max(254, t("admin:users.errors.emailInvalid"))
      .email(t("admin:users.errors.emailInvalid")),
    timeZone: z
      .string({ required_error: t("admin:users.errors.timeZoneInvalid") })
      .refine((value) => isValidTimeZone(value), t("admin:users.errors.timeZoneInvalid")),
    locale: z.enum(supportedLanguages, { errorMap: () => ({ message: t("admin:users.errors.localeInvalid") }) }),
  });
}

export function createRoleSchema(t: Translate) {
  return z.object({
    name: z
      .string({ required_error: t("admin:roles.errors.nameRequired") })
      .trim()
      .regex(ROLE_NAME_PATTERN, t("admin:roles.errors.nameInvalid")),
    description: z.string().trim().max(200, t("admin:roles.errors.descriptionTooLong")).optional(),
  });
}
