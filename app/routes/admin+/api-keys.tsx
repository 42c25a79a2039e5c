// /admin/api-keys — every API key with its owner: create a key for any user (by e-mail; the key
// never exceeds that user's permissions), revoke any key.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApiKeyTable } from "~/components/api/api-key-table";
import { submitCreateKey } from "~/components/api/create-key-action.server";
import { CreateKeyForm } from "~/components/api/create-key-form";
import { CreatedKeyPanel } from "~/components/api/created-key";
import { toKeyRow } from "~/components/api/key-rows";
import { Pagination } from "~/components/ui/pagination";
import { API_SCOPES } from "~/domains/identity/api-key-format";
import { listAllApiKeys, revokeApiKey } from "~/domains/identity/api-keys.server";
import { requirePermission } from "~/domains/identity/guards.server";
import { PERMISSIONS } from "~/domains/identity/permissions";
import { parseFormWithCsrf } from "~/infra/csrf.server";
import { redirectWithToast } from "~/infra/flash.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["api"], breadcrumb: "admin:nav.apiKeys" };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title ?? "Verso" }];

const PAGE_SIZE = 25;

function pageOf(request: Request) {
  const value = Number(new URL(request.url).searchParams.get("page") ?? "1");
  return Number.isInteger(value) && value >= 1 && value <= 10_000 ? value : 1;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, PERMISSIONS.createApiKeyAny);
  const [page, t] = await Promise.all([
    listAllApiKeys({ page: pageOf(request), pageSize: PAGE_SIZE }),
    i18n.getFixedT(request, "api"),
  ]);
  return data(
    {
      title: `${t("keys.adminTitle")} · Verso`,
      keys: page.items.map(toKeyRow),
      page: page.page,
      pageSize: page.pageSize,
      total: page.total,
      scopes: API_SCOPES,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, PERMISSIONS.createApiKeyAny);
  const formData = await parseFormWithCsrf(request);
  if (formData.get("intent") === "revoke") {
    const t = await i18n.getFixedT(request, "api");
    const revoked = await revokeApiKey({
      actorId: admin.id,
      keyId: String(formData.get("keyId") ?? ""),
      asAdmin: true,
      ipAddress: context.clientIp,
    });
    const back = `/admin/api-keys${new URL(request.url).search}`;
    return redirectWithToast(
      request,
      back,
      revoked ? { kind: "success", message: t("keys.revoked") } : { kind: "error", message: t("keys.revokeMissing") },
    );
  }
  const outcome = await submitCreateKey({ request, formData, actor: admin, withOwnerEmail: true, ipAddress: context.clientIp });
  return data(outcome, { status: outcome.created ? 200 : 400, headers: { "Cache-Control": "no-store" } });
}

export default function AdminApiKeysRoute() {
  const { keys, page, pageSize, total, scopes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">{t("api:keys.adminTitle")}</h1>
        <p className="text-slate-700">{t("api:keys.adminIntro")}</p>
      </header>
      {actionData?.created ? <CreatedKeyPanel created={actionData.created} /> : null}
      <CreateKeyForm lastResult={actionData?.result} scopes={scopes} withOwnerEmail />
      <section aria-labelledby="all-keys-title" className="space-y-3">
        <h2 id="all-keys-title" className="text-lg font-semibold">
          {t("api:keys.allTitle")}
        </h2>
        <ApiKeyTable keys={keys} caption={t("api:keys.allTitle")} showOwner />
        {total > pageSize ? <Pagination page={page} pageSize={pageSize} total={total} /> : null}
      </section>
    </>
  );
}
