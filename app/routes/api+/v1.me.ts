// GET /api/v1/me — the owner of the API key (scope me:read), with an ETag.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getUserById } from "~/domains/identity/user-directory.server";
import { handleApi, methodNotAllowed } from "~/domains/platform/api/handler.server";
import { ApiMeSchema } from "~/domains/platform/api/me-schema";
import { apiJson } from "~/domains/platform/api/responses.server";
import { toApiUser } from "~/domains/platform/api/user-schemas";

export function loader(args: LoaderFunctionArgs) {
  return handleApi(args, "me:read", async ({ request, principal }) => {
    const user = await getUserById({ userId: principal.user.id });
    if (!user) throw new Error(`the owner ${principal.user.id} of an authenticated key vanished`);
    return apiJson(request, ApiMeSchema, {
      user: toApiUser(user),
      roles: principal.roles,
      api_key: { prefix: principal.prefix, name: principal.name, scopes: principal.scopes },
    });
  });
}

export function action(args: ActionFunctionArgs) {
  return methodNotAllowed(args);
}
