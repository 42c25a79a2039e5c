// The REST API's shared contract pieces: scopes and problem details. Each resource has its own
// schema file (`user-schemas.ts`, `me-schema.ts`); together they validate what comes in, shape
// what goes out (every response body is parsed with them before it is sent) and generate the
// OpenAPI document. Response objects are `.strict()`: the document says `additionalProperties:
// false`, so the contract test fails when a serializer adds or drops a field.
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { API_SCOPES } from "~/domains/identity/api-key-format";
import { PROBLEM_KINDS } from "./problem";

extendZodWithOpenApi(z);

export const ApiScopeSchema = z.enum(API_SCOPES).openapi("Scope", { description: "A permission carried by an API key." });

const ProblemErrorSchema = z
  .object({
    parameter: z.string().optional().openapi({ description: "The query, path or header parameter at fault.", example: "limit" }),
    field: z.string().optional().openapi({ description: "The body field at fault (dotted path).", example: "email" }),
    code: z
      .string()
      .optional()
      .openapi({ description: "A stable code for refusals that are not about format.", example: "email_taken" }),
    message: z.string().openapi({ example: "Number must be less than or equal to 100" }),
  })
  .strict()
  .openapi("ProblemError", { description: "One invalid input." });

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
      .array(ProblemErrorSchema)
      .optional()
      .openapi({ description: "On 400 and 422: one entry per invalid parameter or field." }),
  })
  .strict()
  .openapi("Problem", { description: `RFC 9457 problem details. Kinds: ${PROBLEM_KINDS.join(", ")}.` });
