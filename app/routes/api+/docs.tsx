// /api/docs — the API reference, rendered on the server from the OpenAPI document (no CDN, no
// inline script or style), inside the public layout.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ApiDocs } from "~/components/api/docs/api-docs";
import { PublicErrorPage } from "~/components/layout/public-error-page";
import { PublicLayout } from "~/components/layout/public-layout";
import { getOpenApiDocument } from "~/domains/platform/api/openapi.server";
import { describeApi } from "~/domains/platform/api/openapi-view";
import { getEnv } from "~/infra/env.server";
import { i18n } from "~/infra/i18n.server";

export const handle = { i18n: ["api"] };

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title ?? "Verso" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const env = getEnv();
  const t = await i18n.getFixedT(request, "api");
  return {
    title: `${t("docs.title")} · Verso`,
    view: describeApi(getOpenApiDocument(new URL(env.APP_URL).origin)),
    rateLimit: env.API_RATE_LIMIT_PER_MINUTE,
  };
}

export default function ApiDocsRoute() {
  const { view, rateLimit } = useLoaderData<typeof loader>();
  return (
    <PublicLayout>
      <ApiDocs view={view} rateLimit={rateLimit} />
    </PublicLayout>
  );
}

export function ErrorBoundary() {
  return <PublicErrorPage />;
}
