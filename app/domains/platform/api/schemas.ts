// The REST API's contract: these zod schemas validate what comes in, shape what goes out (every
// response body is parsed with them before it is sent) and generate the OpenAPI document.
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { API_SCOPES } from "~/domains/identity/api-key-format";
import { decodeCursor, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, MIN_PAGE_LIMIT } from "./cursor";
import { PROBLEM_KINDS } from "./problem";

extendZodWithOpenApi(z);

export const ApiScopeSchema = z.enum(API_SCOPES).openapi("Scope", { description: "A permission carried by an API key." });

export const ApiUserSchema = z
  .object({
    id: z.string().openapi({ description: "Stable identifier of the user.", example: "cm9x1k2l30000abcd1234efgh" }),
    email: z.string().email().openapi({ example: "ada@example.com" }),
    name: z.string().openapi({ example: "Ada Lovelace" }),
    status: z.enum(["active", "deactivated"]).openapi({ description: "Deactivated users cannot sign in." }),
    email_verified: z.boolean().openapi({ description: "Whether the user confirmed their e-mail address." }),
    created_at: z
      .string()
      .datetime()
      .openapi({ description: "When the account was created (UTC, ISO 8601).", example: "2025-01-31T09:30:00.000Z" }),
  })
  .openapi("User");

export const ApiMeSchema = z
  .object({
    user: ApiUserSchema,
    roles: z.array(z.string()).openapi({ description: "Names of the user's roles.", example: ["user"] }),
    api_key: z
      .object({
        prefix: z
          .string()
          .openapi({ description: "Visible prefix of the key used for this request.", example: "vk_live_3hX9aQ2m" }),
        name: z.string().openapi({ example: "Reporting script" }),
        scopes: z.array(ApiScopeSchema),
      })
      .openapi({ description: "The key that authenticated this request." }),
  })
  .openapi("Me");

export const ApiUserListSchema = z
  .object({
    data: z.array(ApiUserSchema).openapi({ description: "One page of users, newest first." }),
    next_cursor: z.string().nullable().openapi({
      description: "Pass as `cursor` to get the next page; `null` on the last page.",
      example: "WyIyMDI1LTAxLTMxVDA5OjMwOjAwLjAwMFoiLCJjbTl4In0",
    }),
  })
  .openapi("UserList");

export const ProblemSchema = z
  .object({
    type: z.string().url().openapi({
      description: "URI identifying the kind of problem; it opens its description.",
      example: "https://verso.example/api/docs#problem-insufficient-scope",
    }),
    title: z.string().openapi({ description: "Short summary of the kind of problem.", example: "Insufficient scope" }),
    status: z.number().int().openapi({ description: "The HTTP status code.", example: 403 }),
    detail: z
      .string()
      .openapi({ description: "What went wrong with this request.", example: "This endpoint requires the scope users:read." }),
    instance: z.string().openapi({ description: "The path of the request.", example: "/api/v1/users" }),
    scope: z.enum(API_SCOPES).optional().openapi({ description: "On 403: the scope the key is missing." }),
    errors: z
      .array(z.object({ parameter: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: "On 400: one entry per invalid parameter." }),
  })
  .openapi("Problem", { description: `RFC 9457 problem details. Kinds: ${PROBLEM_KINDS.join(", ")}.` });

export const ListUsersQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(MIN_PAGE_LIMIT)
    .max(MAX_PAGE_LIMIT)
    .default(DEFAULT_PAGE_LIMIT)
    .openapi({ description: `Page size, ${MIN_PAGE_LIMIT}–${MAX_PAGE_LIMIT}.`, example: 20 }),
  cursor: z
    .string()
    .min(1)
    .max(200)
    .refine((value) => decodeCursor(value) !== null, "is not a cursor returned by this API")
    .optional()
    .openapi({ description: "The `next_cursor` of the previous page (opaque)." }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: "Only users whose e-mail or name contains this text (case-insensitive).", example: "ada" }),
});

export const UserParamsSchema = z.object({
  userId: z.string().min(1).max(64).openapi({ description: "The user's `id`.", example: "cm9x1k2l30000abcd1234efgh" }),
});

export type ApiUser = z.infer<typeof ApiUserSchema>;

type UserRow = {
  id: string;
  email: string;
  name: string;
  status: "active" | "deactivated";
  emailVerifiedAt: Date | null;
  createdAt: Date;
};

/** Serialize a user row through the contract (a mismatch fails loudly instead of leaking fields). */
export function toApiUser(user: UserRow): ApiUser {
  return ApiUserSchema.parse({
    id: user.id,
    email: user.email,
    name: user.name,
    status: user.status,
    email_verified: user.emailVerifiedAt !== null,
    created_at: user.createdAt.toISOString(),
  });
}
