// /api/v1/products — GET: products of any status, newest first, cursor-paginated, filtered by
// status and text, sparse fields (scope products:read). POST: create a product with its variants
// through the catalogue (scope products:write; Idempotency-Key honoured).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError } from "~/domains/errors";
import { decodeCursor } from "~/domains/platform/api/cursor";
import { pickFields } from "~/domains/platform/api/fields";
import { apiAction, handleApi, parseParams, queryOf } from "~/domains/platform/api/handler.server";
import { createProductFromApi, listProductsPage, productFieldError } from "~/domains/platform/api/product-api.server";
import {
  ApiProductListSchema,
  ApiProductSchema,
  ApiSparseProductListSchema,
  CreateProductBodySchema,
  ListProductsQuerySchema,
} from "~/domains/platform/api/product-schemas";
import { apiJson } from "~/domains/platform/api/responses.server";
import { handleApiWrite, parseBody, validationFailed } from "~/domains/platform/api/write.server";

export function loader(args: LoaderFunctionArgs) {
  return handleApi(args, "products:read", async ({ request }) => {
    const query = parseParams(request, ListProductsQuerySchema, queryOf(request));
    const page = await listProductsPage({
      after: query.cursor ? decodeCursor(query.cursor) : null,
      limit: query.limit,
      status: query.status,
      q: query.q,
    });
    if (!query.fields) return apiJson(request, ApiProductListSchema, { data: page.items, next_cursor: page.nextCursor });
    const data = page.items.map((product) => pickFields(product, query.fields));
    return apiJson(request, ApiSparseProductListSchema, { data, next_cursor: page.nextCursor });
  });
}

export function action(args: ActionFunctionArgs) {
  return apiAction(args, {
    POST: (postArgs) =>
      handleApiWrite(postArgs, "products:write", async ({ request, body, principal, clientIp }) => {
        const input = parseBody(request, CreateProductBodySchema, body);
        try {
          const product = await createProductFromApi(input, { actorId: principal.user.id, ipAddress: clientIp });
          const location = `/api/v1/products/${encodeURIComponent(product.id)}`;
          return apiJson(request, ApiProductSchema, product, { status: 201, headers: { Location: location } });
        } catch (error) {
          const fieldError = isDomainError(error) ? productFieldError(error) : null;
          if (fieldError) validationFailed(request, [fieldError]);
          throw error;
        }
      }),
  });
}
