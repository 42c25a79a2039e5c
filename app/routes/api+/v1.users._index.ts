// GET /api/v1/users — users, newest first, cursor-paginated, optional `q` filter (scope users:read).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { decodeCursor } from "~/domains/platform/api/cursor";
import { apiJson, handleApi, methodNotAllowed, parseParams, queryOf } from "~/domains/platform/api/handler.server";
import { ApiUserListSchema, ListUsersQuerySchema, toApiUser } from "~/domains/platform/api/schemas";
import { listUsersPage } from "~/domains/identity/user-directory.server";

export function loader(args: LoaderFunctionArgs) {
  return handleApi(args, "users:read", async ({ request }) => {
    const query = parseParams(request, ListUsersQuerySchema, queryOf(request));
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const page = await listUsersPage({ after, limit: query.limit, q: query.q });
    return apiJson(ApiUserListSchema, { data: page.items.map(toApiUser), next_cursor: page.nextCursor });
  });
}

export function action(args: ActionFunctionArgs) {
  return methodNotAllowed(args);
}
