// /api/v1/products/{productId} — GET: one product with its variants, sparse fields, ETag (scope
// products:read). PATCH: change it through the catalogue, optionally guarded by If-Match (scope
// products:write).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { isDomainError } from "~/domains/errors";
import { ifMatchHolds, parseEtagList } from "~/domains/platform/api/etag";
import { pickFields } from "~/domains/platform/api/fields";
import { apiAction, handleApi, parseParams, queryOf } from "~/domains/platform/api/handler.server";
import { problemResponse } from "~/domains/platform/api/problem";
import { getApiProduct, patchProductFromApi, productEtag, productFieldError } from "~/domains/platform/api/product-api.server";
import {
  ApiProductSchema,
  ApiSparseProductSchema,
  GetProductQuerySchema,
  ProductParamsSchema,
  UpdateProductBodySchema,
} from "~/domains/platform/api/product-schemas";
import { apiJson } from "~/domains/platform/api/responses.server";
import { handleApiWrite, parseBody, validationFailed } from "~/domains/platform/api/write.server";

const noSuchProduct = (request: Request, productId: string) =>
  problemResponse(request, "not-found", { detail: `No product has the id ${productId}.` });

export function loader(args: LoaderFunctionArgs) {
  return handleApi(args, "products:read", async ({ request, params }) => {
    const { productId } = parseParams(request, ProductParamsSchema, params);
    const { fields } = parseParams(request, GetProductQuerySchema, queryOf(request));
    const product = await getApiProduct(productId);
    if (!product) return noSuchProduct(request, productId);
    if (!fields) return apiJson(request, ApiProductSchema, product);
    return apiJson(request, ApiSparseProductSchema, pickFields(product, fields));
  });
}

export function action(args: ActionFunctionArgs) {
  return apiAction(args, {
    PATCH: (patchArgs) =>
      handleApiWrite(patchArgs, "products:write", async ({ request, params, body, principal, clientIp }) => {
        const { productId } = parseParams(request, ProductParamsSchema, params);
        const ifMatch = request.headers.get("If-Match");
        if (ifMatch !== null && parseEtagList(ifMatch) === null) {
          return problemResponse(request, "invalid-request", {
            detail: 'The If-Match header is malformed: send the ETag exactly as received, quotes included (or "*").',
            extensions: { errors: [{ parameter: "If-Match", message: "Not a list of entity tags." }] },
          });
        }
        const changes = parseBody(request, UpdateProductBodySchema, body);
        try {
          const outcome = await patchProductFromApi(
            productId,
            changes,
            (etag) => ifMatch === null || ifMatchHolds(ifMatch, etag),
            { actorId: principal.user.id, ipAddress: clientIp },
          );
          if (outcome.kind === "not-found") return noSuchProduct(request, productId);
          if (outcome.kind === "precondition-failed") {
            return problemResponse(request, "precondition-failed", {
              detail: `The product changed since that ETag; its current ETag is ${productEtag(outcome.current)}. Read it again and re-apply your change.`,
            });
          }
          return apiJson(request, ApiProductSchema, outcome.product);
        } catch (error) {
          const fieldError = isDomainError(error) ? productFieldError(error) : null;
          if (fieldError) validationFailed(request, [fieldError]);
          throw error;
        }
      }),
  });
}
