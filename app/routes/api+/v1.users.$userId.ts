// /api/v1/users/{userId} — GET: one user, sparse fields, ETag (scope users:read). PATCH: change
// name, locale, time zone or status, optionally guarded by If-Match (scope users:write).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError } from "~/domains/errors";
import { getUserById } from "~/domains/identity/user-directory.server";
import { parseEtagList } from "~/domains/platform/api/etag";
import { pickFields } from "~/domains/platform/api/fields";
import { apiAction, handleApi, parseParams, queryOf } from "~/domains/platform/api/handler.server";
import { problemResponse } from "~/domains/platform/api/problem";
import { apiJson } from "~/domains/platform/api/responses.server";
import { userFieldError } from "~/domains/platform/api/user-errors";
import {
  ApiSparseUserSchema,
  ApiUserSchema,
  GetUserQuerySchema,
  toApiUser,
  UpdateUserBodySchema,
  UserParamsSchema,
} from "~/domains/platform/api/user-schemas";
import { patchUserFromApi, userEtag } from "~/domains/platform/api/user-writes.server";
import { handleApiWrite, parseBody, validationFailed } from "~/domains/platform/api/write.server";

const noSuchUser = (request: Request, userId: string) =>
  problemResponse(request, "not-found", { detail: `No user has the id ${userId}.` });

export function loader(args: LoaderFunctionArgs) {
  return handleApi(args, "users:read", async ({ request, params }) => {
    const { userId } = parseParams(request, UserParamsSchema, params);
    const { fields } = parseParams(request, GetUserQuerySchema, queryOf(request));
    const user = await getUserById({ userId });
    if (!user) return noSuchUser(request, userId);
    if (!fields) return apiJson(request, ApiUserSchema, toApiUser(user));
    return apiJson(request, ApiSparseUserSchema, pickFields(toApiUser(user), fields));
  });
}

export function action(args: ActionFunctionArgs) {
  return apiAction(args, {
    PATCH: (patchArgs) =>
      handleApiWrite(patchArgs, "users:write", async ({ request, params, body, principal, clientIp }) => {
        const { userId } = parseParams(request, UserParamsSchema, params);
        const ifMatch = request.headers.get("If-Match");
        if (ifMatch !== null && parseEtagList(ifMatch) === null) {
          return problemResponse(request, "invalid-request", {
            detail: 'The If-Match header is malformed: send the ETag exactly as received, quotes included (or "*").',
            extensions: { errors: [{ parameter: "If-Match", message: "Not a list of entity tags." }] },
          });
        }
        const changes = parseBody(request, UpdateUserBodySchema, body);
        try {
          const outcome = await patchUserFromApi({ actorId: principal.user.id, ipAddress: clientIp, userId, changes, ifMatch });
          if (outcome.kind === "not-found") return noSuchUser(request, userId);
          if (outcome.kind === "precondition-failed") {
            return problemResponse(request, "precondition-failed", {
              detail: `The user changed since that ETag; its current ETag is ${userEtag(outcome.current)}. Read it again and re-apply your change.`,
            });
          }
          return apiJson(request, ApiUserSchema, toApiUser(outcome.user));
        } catch (error) {
          const fieldError = isDomainError(error) ? userFieldError(error) : null;
          if (fieldError) validationFailed(request, [fieldError]);
          throw error;
        }
      }),
  });
}
