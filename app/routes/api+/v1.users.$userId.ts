// GET /api/v1/users/{userId} — one user (scope users:read); 404 problem when there is none.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, handleApi, methodNotAllowed, parseParams } from "~/domains/platform/api/handler.server";
import { problemResponse } from "~/domains/platform/api/problem";
import { ApiUserSchema, toApiUser, UserParamsSchema } from "~/domains/platform/api/schemas";
import { getUserById } from "~/domains/identity/user-directory.server";

export function loader(args: LoaderFunctionArgs) {
  return handleApi(args, "users:read", async ({ request, params }) => {
    const { userId } = parseParams(request, UserParamsSchema, params);
    const user = await getUserById({ userId });
    if (!user) return problemResponse(request, "not-found", { detail: `No user has the id ${userId}.` });
    return apiJson(ApiUserSchema, toApiUser(user));
  });
}

export function action(args: ActionFunctionArgs) {
  return methodNotAllowed(args);
}
