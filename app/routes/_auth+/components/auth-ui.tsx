// Building blocks of the /auth pages: heading, notices and the live password-rule hints.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { InputField } from "~/components/ui/field";
import { passwordProblems, type PasswordRule } from "~/domains/identity/passwords";
import { passwordRuleLabel, type Translate } from "~/domains/identity/schemas";
import { cn } from "~/utils/cn";

/** The identity namespace's translator, typed for the shared schemas. */
export function useIdentityT(): Translate {
  const { t } = useTranslation("identity");
  return (key, options) => t(key, options ?? {}) as string;
}

export function AuthHeading({ title, intro }: { title: string; intro?: React.ReactNode }) {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      {intro ? <p className="text-sm text-slate-700">{intro}</p> : null}
    </div>
  );
}

export function Notice({ kind = "info", children }: { kind?: "info" | "success" | "error"; children: React.ReactNode }) {
  return (
    <div
      role={kind === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md border p-3 text-sm",
        kind === "info" && "border-slate-300 bg-slate-50 text-slate-800",
        kind === "success" && "border-emerald-300 bg-emerald-50 text-emerald-900",
        kind === "error" && "border-red-300 bg-red-50 text-red-800",
      )}
    >
      {children}
    </div>
  );
}

const RULES: PasswordRule[] = ["length", "lowercase", "uppercase", "digit", "symbol", "notEmail"];

/**
 * The password rules, as the field's description. Server-rendered as a plain sentence; once the
 * person types (with JavaScript), each rule says whether it is met.
 */
export function PasswordRules({ password, email }: { password: string | undefined; email?: string }) {
  const t = useIdentityT();
  const typing = Boolean(password);
  const problems = new Set(typing ? passwordProblems(password ?? "", email) : []);
  return (
    <span className="block">
      <span className="block">{t("auth.passwordRules.title")}</span>
      {RULES.map((rule) => {
        const met = typing && !problems.has(rule);
        return (
          <span key={rule} className={cn("block pl-3", typing && (met ? "text-emerald-800" : "text-slate-700"))}>
            <span aria-hidden="true">{typing ? (met ? "✓ " : "✗ ") : "• "}</span>
            {passwordRuleLabel(t, rule)}
            {typing ? (
              <span className="sr-only"> {met ? t("auth.passwordRules.met") : t("auth.passwordRules.unmet")}</span>
            ) : null}
          </span>
        );
      })}
    </span>
  );
}

/** A new password with its live rule hints, and the confirmation field (register, reset). */
export function NewPasswordFields({
  password,
  confirmPassword,
  email,
  label,
}: {
  password: FieldMetadata<string>;
  confirmPassword: FieldMetadata<string>;
  email?: string;
  label: string;
}) {
  const t = useIdentityT();
  return (
    <>
      <InputField
        meta={password}
        label={label}
        type="password"
        autoComplete="new-password"
        description={<PasswordRules password={password.value} email={email} />}
      />
      <InputField meta={confirmPassword} label={t("auth.fields.confirmPassword")} type="password" autoComplete="new-password" />
    </>
  );
}
