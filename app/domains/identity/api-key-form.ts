// The "create an API key" form, shared by the account and admin pages (conform on the client,
// parseWithZod in the action). Messages come from the caller's `t` (namespace "api").
import { z } from "zod";
import { API_SCOPES, MAX_KEY_NAME_LENGTH, type ApiScope } from "./api-key-format";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function createApiKeySchema(t: Translate, { withOwnerEmail }: { withOwnerEmail: boolean }) {
  const base = z.object({
    name: z
      .string({ required_error: t("api:errors.nameRequired") })
      .trim()
      .min(1, t("api:errors.nameRequired"))
      .max(MAX_KEY_NAME_LENGTH, t("api:errors.nameTooLong", { max: MAX_KEY_NAME_LENGTH })),
    scopes: z
      .array(z.enum(API_SCOPES, { errorMap: () => ({ message: t("api:errors.scopeUnknown") }) }))
      .min(1, t("api:errors.scopesRequired")),
  });
  if (!withOwnerEmail) return base;
  return base.extend({
    ownerEmail: z
      .string({ required_error: t("api:errors.emailInvalid") })
      .trim()
      .email(t("api:errors.emailInvalid"))
      .max(254, t("api:errors.emailInvalid")),
  });
}

/** The i18n key of a scope's label (scope names contain ":", the i18n namespace separator). */
export function scopeLabelKey(scope: ApiScope) {
  return `api:scopes.${scope.replace(":", "-")}`;
}

const DOMAIN_ERROR_KEYS: Record<string, { key: string; field: "name" | "scopes" | "ownerEmail" | null }> = {
  "api-key.name-required": { key: "api:errors.nameRequired", field: "name" },
  "api-key.scopes-required": { key: "api:errors.scopesRequired", field: "scopes" },
  "api-key.scope-unknown": { key: "api:errors.scopeUnknown", field: "scopes" },
  "api-key.scope-not-allowed": { key: "api:errors.scopeNotAllowed", field: "scopes" },
  "api-key.owner-not-found": { key: "api:errors.ownerNotFound", field: "ownerEmail" },
  "api-key.limit": { key: "api:errors.limit", field: null },
};

/** Where a refusal of createApiKey belongs in the form, and its translation key. */
export function apiKeyErrorTarget(code: string) {
  return DOMAIN_ERROR_KEYS[code] ?? null;
}
