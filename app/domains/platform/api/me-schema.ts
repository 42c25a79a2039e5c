// GET /api/v1/me: the key's owner, their roles, and the key itself.
import { z } from "zod";
import { ApiScopeSchema } from "./schemas";
import { ApiUserSchema } from "./user-schemas";

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
      .strict()
      .openapi({ description: "The key that authenticated this request." }),
  })
  .strict()
  .openapi("Me");
