// The server half of the create-key form, shared by the account and admin actions: validate,
// call the domain, and turn its refusals into field or form errors in the viewer's language.
import { parseWithZod } from "@conform-to/zod";
import { isDomainError } from "~/domains/errors";
import { createApiKeySchema, apiKeyErrorTarget } from "~/domains/identity/api-key-form";
import { createApiKey } from "~/domains/identity/api-keys.server";
import { i18n } from "~/infra/i18n.server";
import type { CreatedKey } from "./created-key";

type Actor = { id: string; permissions: ReadonlySet<string> };

export async function submitCreateKey({
  request,
  formData,
  actor,
  withOwnerEmail,
  ipAddress,
}: {
  request: Request;
  formData: FormData;
  actor: Actor;
  withOwnerEmail: boolean;
  ipAddress: string;
}) {
  const t = await i18n.getFixedT(request, "api");
  const translate = (key: string, options?: Record<string, unknown>) => t(key, options ?? {}) as string;
  const submission = parseWithZod(formData, { schema: createApiKeySchema(translate, { withOwnerEmail }) });
  if (submission.status !== "success") return { result: submission.reply(), created: null };
  const value = submission.value as { name: string; scopes: string[]; ownerEmail?: string };
  try {
    const key = await createApiKey({
      actorId: actor.id,
      actorPermissions: actor.permissions,
      owner: value.ownerEmail ? { email: value.ownerEmail } : { id: actor.id },
      name: value.name,
      scopes: value.scopes,
      ipAddress,
    });
    const created: CreatedKey = { key: key.key, name: key.name, ownerEmail: key.ownerEmail };
    return { result: submission.reply({ resetForm: true }), created };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const target = apiKeyErrorTarget(error.code);
    if (!target) throw error;
    const message = translate(target.key, error.details);
    const reply = target.field
      ? submission.reply({ fieldErrors: { [target.field]: [message] } })
      : submission.reply({ formErrors: [message] });
    return { result: reply, created: null };
  }
}
