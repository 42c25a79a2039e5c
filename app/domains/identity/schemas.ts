// Form schemas of the sign-up and sign-in pages, shared by the browser (conform, live hints) and
// the server (the verdict). Built with the page's translator so messages are in the reader's language.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems, type PasswordRule } from "./passwords";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function passwordRuleLabel(t: Translate, rule: PasswordRule) {
  return t(`auth.passwordRules.${rule}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
}

function missing(t: Translate, rule: PasswordRule) {
  return t("auth.passwordRules.missing", { rule: passwordRuleLabel(t, rule) });
}

/** A new password: every rule still missing becomes its own issue, so the form lists them all. */
function newPasswordField(t: Translate) {
  return z.string({ required_error: t("auth.validation.passwordRequired") }).superRefine((password, ctx) => {
    for (const rule of passwordProblems(password)) ctx.addIssue({ code: "custom", message: missing(t, rule) });
  });
}

/** The rules that need the other fields: not the e-mail's name part, and the confirmation matches. */
function checkAgainst(
  t: Translate,
  ctx: z.RefinementCtx,
  value: { password: string; confirmPassword: string },
  email: string | undefined,
) {
  if (email && passwordProblems(value.password, email).includes("notEmail")) {
    ctx.addIssue({ code: "custom", path: ["password"], message: missing(t, "notEmail") });
  }
  if (value.confirmPassword !== value.password) {
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: t("auth.validation.passwordsDiffer") });
  }
}

function emailField(t: Translate) {
  return z
    .string({ required_error: t("auth.validation.emailRequired") })
    .trim()
    .max(254, t("auth.validation.emailInvalid"))
    .email(t("auth.validation.emailInvalid"))
    .transform((value) => value.toLowerCase());
}

const passwordField = (t: Translate, key = "auth.validation.passwordRequired") => z.string({ required_error: t(key) }).max(1024);

export function registerSchema(t: Translate) {
  return z
    .object({
      name: z
        .string({ required_error: t("auth.validation.nameRequired") })
        .trim()
        .min(1, t("auth.validation.nameRequired"))
        .max(100, t("auth.validation.nameTooLong")),
      email: emailField(t),
      password: newPasswordField(t),
      confirmPassword: passwordField(t, "auth.validation.confirmRequired"),
    })
    .superRefine((value, ctx) => checkAgainst(t, ctx, value, value.email));
}

export function loginSchema(t: Translate) {
  return z.object({
    email: emailField(t),
    password: passwordField(t),
    redirectTo: z.string().optional(),
  });
}

export function mfaSchema(t: Translate) {
  return z.object({
    code: z
      .string({ required_error: t("auth.validation.codeRequired") })
      .trim()
      .min(1, t("auth.validation.codeRequired"))
      .max(32),
  });
}

export function emailOnlySchema(t: Translate) {
  return z.object({ email: emailField(t) });
}

export function signInCodeSchema(t: Translate) {
  return z.object({
    code: z
      .string({ required_error: t("auth.validation.codeRequired") })
      .transform((value) => value.replace(/\s/g, ""))
      .pipe(z.string().min(1, t("auth.validation.codeRequired")).max(12)),
  });
}

/** `email` is the account's address, when known, for the "not your e-mail name" rule. */
export function resetPasswordSchema(t: Translate, email?: string) {
  return z
    .object({
      token: z.string().min(1).max(200),
      password: newPasswordField(t),
      confirmPassword: passwordField(t, "auth.validation.confirmRequired"),
    })
    .superRefine((value, ctx) => checkAgainst(t, ctx, value, email));
}
