// The server half of the endpoint form (add and edit): validate, call the domain, and turn a
// refused URL into an error on the URL field in the viewer's language.
import { parseWithZod } from "@conform-to/zod";
import { isDomainError } from "~/domains/errors";
import { createEndpointSchema, urlErrorKey } from "~/domains/platform/webhooks/endpoint-form";
import { createWebhookEndpoint, updateWebhookEndpoint } from "~/domains/platform/webhooks/endpoints.server";
import { i18n } from "~/infra/i18n.server";

type Input = { request: Request; formData: FormData; actorId: string; ipAddress: string | null; endpointId?: string };

export async function submitEndpointForm({ request, formData, actorId, ipAddress, endpointId }: Input) {
  const t = await i18n.getFixedT(request, "webhooks");
  const translate = (key: string, options?: Record<string, unknown>) => t(key, options ?? {}) as string;
  const submission = parseWithZod(formData, { schema: createEndpointSchema(translate) });
  if (submission.status !== "success") return { ok: false as const, result: submission.reply() };
  const input = { actorId, ipAddress, ...submission.value };
  try {
    if (endpointId) {
      const { changed } = await updateWebhookEndpoint({ ...input, endpointId });
      return { ok: true as const, changed, created: null };
    }
    const { endpoint, secret } = await createWebhookEndpoint(input);
    return { ok: true as const, changed: true, created: { id: endpoint.id, url: endpoint.url, secret } };
  } catch (error) {
    const key = isDomainError(error) ? urlErrorKey(error.code) : null;
    if (!key) throw error;
    return { ok: false as const, result: submission.reply({ fieldErrors: { url: [translate(key)] } }) };
  }
}
