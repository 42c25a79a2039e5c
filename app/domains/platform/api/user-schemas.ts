// The contract of /api/v1/users: the User representation, list filters, sparse fields, and the
// bodies of POST and PATCH. Field rules come from the admin area's own schema, so the API and the
// admin pages accept exactly the same values.
import { z } from "zod";
import { createUserProfileSchema, ROLE_NAME_PATTERN } from "~/domains/identity/admin-schemas";
import type { DirectoryUser } from "~/domains/identity/user-directory.server";
import { resources } from "~/infra/i18n";
import { decodeCursor, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, MIN_PAGE_LIMIT } from "./cursor";
import { fieldsParamSchema } from "./fields";
import "./schemas";

/** API messages are English; a few admin-form wordings ("from the list") are reworded for API clients. */
const API_WORDING: Record<string, string> = {
  "admin:users.errors.timeZoneInvalid": "Use an IANA time zone name, such as Europe/Madrid.",
  "admin:users.errors.localeInvalid": `Use one of: ${Object.keys(resources).join(", ")}.`,
};

function englishT(key: string): string {
  if (API_WORDING[key]) return API_WORDING[key];
  const [namespace, path] = key.split(":");
  let value: unknown = (resources.en as Record<string, unknown>)[namespace];
  for (const part of path.split(".")) value = (value as Record<string, unknown> | undefined)?.[part];
  return typeof value === "string" ? value : key;
}

const profile = createUserProfileSchema(englishT).shape;

const STATUS = z.enum(["active", "deactivated"]);

export const ApiUserSchema = z
  .object({
    id: z.string().openapi({ description: "Stable identifier of the user.", example: "cm9x1k2l30000abcd1234efgh" }),
    email: z.string().email().openapi({ example: "ada@example.com" }),
    name: z.string().openapi({ example: "Ada Lovelace" }),
    status: STATUS.openapi({ description: "Deactivated users cannot sign in." }),
    email_verified: z.boolean().openapi({ description: "Whether the user confirmed their e-mail address." }),
    locale: z.string().openapi({ description: "Language of the user's pages and e-mails.", example: "en" }),
    time_zone: z.string().openapi({ description: "IANA time zone the user sees times in.", example: "Europe/London" }),
    roles: z.array(z.string()).openapi({ description: "Names of the user's roles, sorted.", example: ["user"] }),
    created_at: z
      .string()
      .datetime()
      .openapi({ description: "When the account was created (UTC, ISO 8601).", example: "2025-01-31T09:30:00.000Z" }),
  })
  .strict()
  .openapi("User");

export type ApiUser = z.infer<typeof ApiUserSchema>;

/** The property names of User, for `fields`. */
export const USER_FIELDS = ApiUserSchema.keyof().options;

const fields = fieldsParamSchema(USER_FIELDS)
  .optional()
  .openapi({
    type: "string",
    description: `Comma-separated properties to return (sparse fieldset); \`id\` is always included. One of: ${USER_FIELDS.join(", ")}. An unknown name is a 422.`,
    example: "id,email,name",
  });

/** A sparse User: the documented 200 schema is User; with `fields`, only those properties (and `id`) are present. */
export const ApiSparseUserSchema = ApiUserSchema.partial().required({ id: true });

export const ApiUserListSchema = z
  .object({
    data: z.array(ApiUserSchema).openapi({ description: "One page of users, newest first." }),
    next_cursor: z.string().nullable().openapi({
      description: "Pass as `cursor` (with the same filters) to get the next page; `null` on the last page.",
      example: "WyIyMDI1LTAxLTMxVDA5OjMwOjAwLjAwMFoiLCJjbTl4In0",
    }),
  })
  .strict()
  .openapi("UserList");

export const ApiSparseUserListSchema = ApiUserListSchema.extend({ data: z.array(ApiSparseUserSchema) });

const instant = (description: string) =>
  z
    .string()
    .datetime({ offset: true, message: "Use an ISO 8601 date-time with a time zone, such as 2025-01-31T00:00:00Z." })
    .optional()
    .openapi({ description, example: "2025-01-31T00:00:00Z" });

export const ListUsersQuerySchema = z
  .object({
    limit: z.coerce
      .number()
      .int()
      .min(MIN_PAGE_LIMIT)
      .max(MAX_PAGE_LIMIT)
      .default(DEFAULT_PAGE_LIMIT)
      .openapi({
        description: `Page size, ${MIN_PAGE_LIMIT}–${MAX_PAGE_LIMIT}; a value outside the range is a 422 (never silently clamped).`,
        example: 20,
      }),
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
    status: STATUS.optional().openapi({ description: "Only users with this status." }),
    role: z
      .string()
      .regex(ROLE_NAME_PATTERN, "is not a role name")
      .optional()
      .openapi({ description: "Only users holding this role.", example: "admin" }),
    created_after: instant("Only users created strictly after this instant."),
    created_before: instant("Only users created strictly before this instant."),
    fields,
  })
  .strict();

export const GetUserQuerySchema = z.object({ fields }).strict();

export const UserParamsSchema = z.object({
  userId: z.string().min(1).max(64).openapi({ description: "The user's `id`.", example: "cm9x1k2l30000abcd1234efgh" }),
});

export const CreateUserBodySchema = z
  .object({
    email: profile.email.openapi({ description: "Unique e-mail address (stored in lower case).", example: "ada@example.com" }),
    name: profile.name.openapi({ description: "Full name, 1–100 characters.", example: "Ada Lovelace" }),
    locale: profile.locale.default("en").openapi({ description: "Language of pages and e-mails." }),
    time_zone: profile.timeZone
      .default("UTC")
      .openapi({ type: "string", description: "IANA time zone.", example: "Europe/London" }),
    roles: z
      .array(z.string().regex(ROLE_NAME_PATTERN, "is not a role name"))
      .min(1)
      .max(20)
      .default(["user"])
      .openapi({
        description: "Roles to give; you may only give roles whose every permission the key's owner holds.",
        example: ["user"],
      }),
  })
  .strict()
  .openapi("CreateUser", {
    description:
      "A new account. It has no password and no e-mail is sent: the person signs in with an e-mail code sent to this address (or sets a password through “forgot password”).",
  });

export const UpdateUserBodySchema = z
  .object({
    name: profile.name.optional().openapi({ description: "Full name, 1–100 characters.", example: "Ada King" }),
    locale: profile.locale.optional().openapi({ description: "Language of pages and e-mails." }),
    time_zone: profile.timeZone.optional().openapi({ type: "string", description: "IANA time zone.", example: "Europe/Madrid" }),
    status: STATUS.optional().openapi({
      description: "`deactivated` signs the person out everywhere and stops their API keys.",
    }),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Send at least one of name, locale, time_zone, status.",
  })
  .openapi("UpdateUser", { description: "The properties to change; those left out keep their value." });

export type UpdateUserBody = z.output<typeof UpdateUserBodySchema>;

/** Serialize a user through the contract (a mismatch fails loudly instead of leaking fields). */
export function toApiUser(user: DirectoryUser): ApiUser {
  return ApiUserSchema.parse({
    id: user.id,
    email: user.email,
    name: user.name,
    status: user.status,
    email_verified: user.emailVerifiedAt !== null,
    locale: user.locale,
    time_zone: user.timeZone,
    roles: user.roles,
    created_at: user.createdAt.toISOString(),
  });
}
