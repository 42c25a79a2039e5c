// Turns the OpenAPI document into the plain model the /api/docs page renders: endpoints with
// their scope, parameters, responses and a curl example; schemas flattened to property rows.
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from "openapi3-ts/oas31";

export type TypeInfo =
  | { kind: "ref"; name: string; nullable?: boolean }
  | { kind: "array"; items: TypeInfo; nullable?: boolean }
  | { kind: "primitive"; name: string; format?: string; values?: string[]; nullable?: boolean };

export type ParameterView = {
  name: string;
  in: string;
  required: boolean;
  type: TypeInfo;
  description: string;
  defaultValue?: string;
  min?: number;
  max?: number;
};
export type ResponseView = { status: string; description: string; contentType: string | null; type: TypeInfo | null };
export type EndpointView = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  scope: string | null;
  parameters: ParameterView[];
  responses: ResponseView[];
  curl: string;
};
export type PropertyView = { name: string; type: TypeInfo; required: boolean; description: string };
export type SchemaView = { name: string; description: string; properties: PropertyView[]; values?: string[] };
export type ApiDocsView = {
  title: string;
  version: string;
  description: string;
  baseUrl: string;
  bearerFormat: string;
  scopes: Array<{ name: string; description: string; requires: string[] }>;
  problems: Array<{ kind: string; status: number; title: string; description: string }>;
  endpoints: EndpointView[];
  schemas: SchemaView[];
};

type Schema = SchemaObject | ReferenceObject;

const isRef = (value: unknown): value is ReferenceObject => typeof value === "object" && value !== null && "$ref" in value;
const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);

export function typeOf(schema: Schema | undefined): TypeInfo {
  if (!schema) return { kind: "primitive", name: "any" };
  if (isRef(schema)) return { kind: "ref", name: refName(schema.$ref) };
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nullable = types.includes("null") || undefined;
  const main = types.find((type) => type !== "null");
  if (main === "array") return { kind: "array", items: typeOf(schema.items), nullable };
  const values = Array.isArray(schema.enum) ? schema.enum.map(String) : undefined;
  return { kind: "primitive", name: main ?? (values ? "string" : "object"), format: schema.format, values, nullable };
}

function resolve<T>(doc: OpenAPIObject, value: T | ReferenceObject): T {
  if (!isRef(value)) return value;
  const [, , section, name] = value.$ref.split("/");
  return (doc.components as Record<string, Record<string, T>>)[section][name];
}

function exampleValue(param: ParameterObject): string {
  const schema = (param.schema ?? {}) as SchemaObject;
  if (schema.example !== undefined) return String(schema.example);
  if (param.in === "path") return `<${param.name}>`;
  return String(schema.default ?? "");
}

/** An example JSON body: each property's example (or first enum value), required ones and those with examples. */
function exampleBody(doc: OpenAPIObject, op: OperationObject): string | null {
  const body = op.requestBody ? resolve<RequestBodyObject>(doc, op.requestBody) : null;
  const media = body?.content?.["application/json"];
  if (!media?.schema) return null;
  const schema = resolve<SchemaObject>(doc, media.schema as SchemaObject | ReferenceObject);
  const required = new Set(schema.required ?? []);
  const example: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(schema.properties ?? {})) {
    if (isRef(value)) continue;
    const sample = value.example ?? (Array.isArray(value.enum) ? value.enum[0] : undefined);
    if (sample !== undefined && (required.has(name) || value.example !== undefined)) example[name] = sample;
  }
  return JSON.stringify(example);
}

function curlFor(
  doc: OpenAPIObject,
  baseUrl: string,
  method: string,
  path: string,
  op: OperationObject,
  parameters: ParameterObject[],
  secured: boolean,
): string {
  let url = `${baseUrl}${path}`;
  for (const param of parameters.filter((p) => p.in === "path")) url = url.replace(`{${param.name}}`, exampleValue(param));
  const query = parameters
    .filter((p) => p.in === "query" && (p.required || (p.schema as SchemaObject | undefined)?.example !== undefined))
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(exampleValue(p))}`);
  if (query.length && method === "get") url += `?${query.join("&")}`;
  const lines = ["curl --silent --show-error"];
  if (method !== "get") lines.push(`  --request ${method.toUpperCase()}`);
  if (secured) lines.push('  --header "Authorization: Bearer $VERSO_API_KEY"');
  const body = exampleBody(doc, op);
  if (body !== null) {
    lines.push('  --header "Content-Type: application/json"');
    if (parameters.some((p) => p.in === "header" && p.name === "Idempotency-Key")) {
      lines.push('  --header "Idempotency-Key: $(uuidgen)"');
    }
    lines.push(`  --data '${body}'`);
  }
  lines.push(`  "${url}"`);
  return lines.join(" \\\n");
}

function describeOperation(doc: OpenAPIObject, baseUrl: string, method: string, path: string, op: OperationObject): EndpointView {
  const security = op.security ?? doc.security ?? [];
  const declared = (op as { "x-required-scope"?: string })["x-required-scope"];
  const scope = declared ?? security.flatMap((requirement) => Object.values(requirement).flat())[0] ?? null;
  const parameters = (op.parameters ?? []).map((p) => resolve<ParameterObject>(doc, p));
  const responses = Object.entries(op.responses ?? {}).map(([status, value]): ResponseView => {
    const response = resolve<ResponseObject>(doc, value as ResponseObject | ReferenceObject);
    const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [null, null];
    return { status, description: response.description, contentType, type: media?.schema ? typeOf(media.schema) : null };
  });
  return {
    id: op.operationId ?? `${method}-${path}`,
    method: method.toUpperCase(),
    path,
    summary: op.summary ?? "",
    description: op.description ?? "",
    scope,
    parameters: parameters.map((p) => {
      const schema = (p.schema ?? {}) as SchemaObject;
      return {
        name: p.name,
        in: p.in,
        required: Boolean(p.required),
        type: typeOf(p.schema),
        description: p.description ?? schema.description ?? "",
        defaultValue: schema.default === undefined ? undefined : String(schema.default),
        min: schema.minimum,
        max: schema.maximum,
      };
    }),
    responses,
    curl: curlFor(
      doc,
      baseUrl,
      method,
      path,
      op,
      parameters,
      security.length > 0 && security.some((r) => Object.keys(r).length > 0),
    ),
  };
}

function flattenProperties(schema: SchemaObject, prefix = ""): PropertyView[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, value]) => {
    const row: PropertyView = {
      name: prefix + name,
      type: typeOf(value),
      required: required.has(name),
      description: isRef(value) ? "" : (value.description ?? ""),
    };
    if (isRef(value)) return [row];
    const nested =
      value.type === "object"
        ? value
        : value.type === "array" && value.items && !isRef(value.items) && value.items.type === "object"
          ? value.items
          : null;
    return nested ? [row, ...flattenProperties(nested, `${prefix}${name}${nested === value ? "" : "[]"}.`)] : [row];
  });
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

export function describeApi(doc: OpenAPIObject): ApiDocsView {
  const baseUrl = doc.servers?.[0]?.url ?? "";
  const scheme = Object.values(doc.components?.securitySchemes ?? {}).find((value) => !isRef(value)) as
    ({ bearerFormat?: string; "x-scopes"?: ApiDocsView["scopes"] } & object) | undefined;
  const endpoints = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) =>
      describeOperation(doc, baseUrl, method, path, item[method] as OperationObject),
    ),
  );
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(([name, value]): SchemaView => {
    const schema = isRef(value) ? resolve<SchemaObject>(doc, value) : value;
    return {
      name,
      description: schema.description ?? "",
      properties: flattenProperties(schema),
      values: Array.isArray(schema.enum) ? schema.enum.map(String) : undefined,
    };
  });
  return {
    title: doc.info.title,
    version: doc.info.version,
    description: doc.info.description ?? "",
    baseUrl,
    bearerFormat: scheme?.bearerFormat ?? "",
    scopes: scheme?.["x-scopes"] ?? [],
    problems: (doc["x-problems"] as ApiDocsView["problems"] | undefined) ?? [],
    endpoints,
    schemas,
  };
}
