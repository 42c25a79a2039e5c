// GET /api/v1/openapi.json — the OpenAPI 3.1 document (no key needed).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handlePublicApi, methodNotAllowed } from "~/domains/platform/api/handler.server";
import { getOpenApiDocument } from "~/domains/platform/api/openapi.server";
import { getEnv } from "~/infra/env.server";

export function loader(args: LoaderFunctionArgs) {
  return handlePublicApi(args, async () =>
    Response.json(getOpenApiDocument(new URL(getEnv().APP_URL).origin), {
      headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
    }),
  );
}

export function action(args: ActionFunctionArgs) {
  return methodNotAllowed(args);
}
