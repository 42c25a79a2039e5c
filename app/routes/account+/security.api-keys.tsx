// /account/security/api-keys — the signed-in person's API keys: create (the full key is shown
// once, in the answer to the POST), list, revoke.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApiKeyTable } from "~/components/api/api-key-table";
import { submitCreateKey } from "~/components/api/create-key-action.server";
import { CreateKeyForm } from "~/components/api/create-key-form";
import { CreatedKeyPanel } from "~/components/api/created-key";
import { toKeyRow } from "~/components/api/key-rows";
import { grantableScopes } from "~/domains/identity/api-key-format";
import { listApiKeys, revokeApiKey } from "~/domains/identity/api-keys.server";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["api"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title ?? "Verso" }];

const PATH = "/account/security/api-keys";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.createApiKeyOwn);
  const [keys, t] = await Promise.all([listApiKeys({ userId: user.id }), i18n.getFixedT(request, "api")]);
  return data(
    { title: `${t("keys.title")} · Verso`, keys: keys.map(toKeyRow), scopes: grantableScopes(user.permissions) },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, PERMISSIONS.createApiKeyOwn);
  const formData = await parseFormWithCsrf(request);
  if (formData.get("intent") === "revoke") {
    const t = await i18n.getFixedT(request, "api");
    const revoked = await revokeApiKey({
      actorId: user.id,
      keyId: String(formData.get("keyId") ?? ""),
      asAdmin: false,
      ipAddress: context.clientIp,
    });
    return redirectWithToast(
      request,
      PATH,
      revoked ? { kind: "success", message: t("keys.revoked") } : { kind: "error", message: t("keys.revokeMissing") },
    );
  }
  const outcome = await submitCreateKey({ request, formData, actor: user, withOwnerEmail: false, ipAddress: context.clientIp });
  return data(outcome, { status: outcome.created ? 200 : 400, headers: { "Cache-Control": "no-store" } });
}

export default function AccountApiKeysRoute() {
  const { keys, scopes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">{t("api:keys.title")}</h1>
        <p className="text-slate-700">{t("api:keys.intro")}</p>
        <p>
          <Link to="/api/docs" className="font-medium text-brand-700 underline">
            {t("api:keys.docsLink")}
          </Link>
        </p>
      </header>
      {actionData?.created ? <CreatedKeyPanel created={actionData.created} /> : null}
      <CreateKeyForm lastResult={actionData?.result} scopes={scopes} />
      <section aria-labelledby="keys-title" className="space-y-3">
        <h2 id="keys-title" className="text-lg font-semibold">
          {t("api:keys.listTitle")}
        </h2>
        <ApiKeyTable keys={keys} caption={t("api:keys.listTitle")} />
      </section>
    </>
  );
}
