// GET /api/v1/me — the owner of the API key (scope me:read).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, handleApi, methodNotAllowed } from "~/domains/platform/api/handler.server";
import { ApiMeSchema, toApiUser } from "~/domains/platform/api/schemas";

export function loader(args: LoaderFunctionArgs) {
  return handleApi(args, "me:read", async ({ principal }) =>
    apiJson(ApiMeSchema, {
      user: toApiUser(principal.user),
      roles: principal.roles,
      api_key: { prefix: principal.prefix, name: principal.name, scopes: principal.scopes },
    }),
  );
}

export function action(args: ActionFunctionArgs) {
  return methodNotAllowed(args);
}
