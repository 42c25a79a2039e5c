// /api/v1/users — GET: users, newest first, cursor-paginated, filtered, sparse fields (scope
// users:read). POST: create a user (scope users:write; Idempotency-Key honoured).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError } from "~/domains/errors";
import { listUsersPage } from "~/domains/identity/user-directory.server";
import { decodeCursor } from "~/domains/platform/api/cursor";
import { pickFields } from "~/domains/platform/api/fields";
import { apiAction, handleApi, parseParams, queryOf } from "~/domains/platform/api/handler.server";
import { apiJson } from "~/domains/platform/api/responses.server";
import { userFieldError } from "~/domains/platform/api/user-errors";
import {
  ApiSparseUserListSchema,
  ApiUserListSchema,
  ApiUserSchema,
  CreateUserBodySchema,
  ListUsersQuerySchema,
  toApiUser,
} from "~/domains/platform/api/user-schemas";
import { createUserFromApi } from "~/domains/platform/api/user-writes.server";
import { handleApiWrite, parseBody, validationFailed } from "~/domains/platform/api/write.server";

export function loader(args: LoaderFunctionArgs) {
  return handleApi(args, "users:read", async ({ request }) => {
    const query = parseParams(request, ListUsersQuerySchema, queryOf(request));
    const page = await listUsersPage({
      after: query.cursor ? decodeCursor(query.cursor) : null,
      limit: query.limit,
      q: query.q,
      status: query.status,
      role: query.role,
      createdAfter: query.created_after ? new Date(query.created_after) : undefined,
      createdBefore: query.created_before ? new Date(query.created_before) : undefined,
    });
    const data = page.items.map(toApiUser);
    if (!query.fields) return apiJson(request, ApiUserListSchema, { data, next_cursor: page.nextCursor });
    const sparse = data.map((user) => pickFields(user, query.fields));
    return apiJson(request, ApiSparseUserListSchema, { data: sparse, next_cursor: page.nextCursor });
  });
}

export function action(args: ActionFunctionArgs) {
  return apiAction(args, {
    POST: (postArgs) =>
      handleApiWrite(postArgs, "users:write", async ({ request, body, principal, clientIp }) => {
        const input = parseBody(request, CreateUserBodySchema, body);
        try {
          const user = await createUserFromApi({
            actorId: principal.user.id,
            ipAddress: clientIp,
            email: input.email,
            name: input.name,
            locale: input.locale,
            timeZone: input.time_zone,
            roles: input.roles,
          });
          const location = `/api/v1/users/${encodeURIComponent(user.id)}`;
          return apiJson(request, ApiUserSchema, toApiUser(user), { status: 201, headers: { Location: location } });
        } catch (error) {
          const fieldError = isDomainError(error) ? userFieldError(error) : null;
          if (fieldError) validationFailed(request, [fieldError]);
          throw error;
        }
      }),
  });
}
