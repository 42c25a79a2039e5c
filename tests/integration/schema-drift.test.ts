// The migrated database must be exactly what the Prisma schema describes: tables, columns, types,
// nullability, defaults, primary keys, unique and plain indexes, foreign keys with their onDelete,
// enums — and nothing the schema lacks. The schema side is the DMMF datamodel written by
// scripts/dmmf-generator.mjs during `prisma generate`; it is regenerated here when stale.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Field = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt?: boolean;
  hasDefaultValue: boolean;
  default?: { name: string } | unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type Model = { name: string; dbName: string | null; fields: Field[] };
type Datamodel = {
  models: Model[];
  enums: Array<{ name: string; dbName: string | null; values: Array<{ name: string; dbName: string | null }> }>;
  indexes: Array<{ model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: Array<{ name: string }> }>;
};

const DMMF_FILE = "app/generated/dmmf/datamodel.json";
const SCHEMA_DIR = "prisma/schema";

function loadDatamodel(): Datamodel {
  const schemaAt = Math.max(...readdirSync(SCHEMA_DIR).map((f) => statSync(path.join(SCHEMA_DIR, f)).mtimeMs));
  if (!existsSync(DMMF_FILE) || statSync(DMMF_FILE).mtimeMs < schemaAt) {
    execFileSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "pipe" });
  }
  return JSON.parse(readFileSync(DMMF_FILE, "utf8")) as Datamodel;
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};
const NATIVE_TYPES: Record<string, string> = {
  Timestamptz: "timestamp with time zone",
  Timestamp: "timestamp without time zone",
  Date: "date",
  VarChar: "character varying",
  Char: "character",
  Text: "text",
  Uuid: "uuid",
  Citext: "citext",
  SmallInt: "smallint",
  Integer: "integer",
  BigInt: "bigint",
  Real: "real",
  DoublePrecision: "double precision",
  Decimal: "numeric",
  JsonB: "jsonb",
  Json: "json",
  Inet: "inet",
  ByteA: "bytea",
};
const ON_DELETE: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };
/** Defaults Prisma computes in the client; every other @default must exist in the database. */
const CLIENT_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

const datamodel = loadDatamodel();
const enumDbName = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
const tableOf = new Map(datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
const columnOf = (model: Model, fieldName: string) => {
  const field = model.fields.find((f) => f.name === fieldName);
  return field?.dbName ?? fieldName;
};

type Column = {
  table: string;
  column: string;
  data_type: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
  column_default: string | null;
};
type Index = { table: string; name: string; unique: boolean; primary: boolean; columns: string[] };
type ForeignKey = { table: string; columns: string[]; ref_table: string; ref_columns: string[]; on_delete: string };

let client: pg.Client;
let tables: string[];
let columns: Column[];
let indexes: Index[];
let foreignKeys: ForeignKey[];
let enums: Map<string, string[]>;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  tables = (
    await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )
  ).rows
    .map((r) => r.table_name)
    .filter((t) => t !== "_verso_migrations");
  columns = (
    await client.query<Column>(
      `SELECT table_name AS table, column_name AS column, data_type, udt_name, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_verso_migrations'`,
    )
  ).rows;
  indexes = (
    await client.query<Index>(
      `SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
            array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      GROUP BY t.relname, i.relname, x.indisunique, x.indisprimary`,
    )
  ).rows;
  foreignKeys = (
    await client.query<ForeignKey>(
      `SELECT t.relname AS table, r.relname AS ref_table, c.confdeltype AS on_delete,
            (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      WHERE c.contype = 'f'`,
    )
  ).rows;
  const enumRows = (
    await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
      GROUP BY t.typname`,
    )
  ).rows;
  enums = new Map(enumRows.map((r) => [r.name, r.labels]));
});

afterAll(async () => {
  await client?.end();
});

describe("migrated database matches prisma/schema", () => {
  it("has a table for every model and no table the schema lacks", () => {
    expect([...tables].sort()).toEqual([...tableOf.values()].sort());
  });

  it("has every enum with the same labels in the same order", () => {
    for (const e of datamodel.enums) {
      expect(enums.get(e.dbName ?? e.name), e.name).toEqual(e.values.map((v) => v.dbName ?? v.name));
    }
  });

  for (const model of datamodel.models) {
    const table = tableOf.get(model.name)!;
    describe(model.name, () => {
      const scalars = model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");

      it("has exactly the schema's columns, with matching types, nullability and defaults", () => {
        const actual = columns.filter((c) => c.table === table);
        expect(actual.map((c) => c.column).sort()).toEqual(scalars.map((f) => f.dbName ?? f.name).sort());
        for (const field of scalars) {
          const column = actual.find((c) => c.column === (field.dbName ?? field.name))!;
          const where = `${model.name}.${field.name}`;
          const base =
            field.kind === "enum"
              ? { data_type: "USER-DEFINED", udt: enumDbName.get(field.type)! }
              : { data_type: field.nativeType ? NATIVE_TYPES[field.nativeType[0]] : SCALAR_TYPES[field.type], udt: undefined };
          expect(base.data_type, `${where}: unknown type ${field.type}`).toBeDefined();
          if (field.isList) {
            expect(column.data_type, where).toBe("ARRAY");
            if (base.udt) expect(column.udt_name, where).toBe(`_${base.udt}`);
          } else {
            expect(column.data_type, where).toBe(base.data_type);
            if (base.udt) expect(column.udt_name, where).toBe(base.udt);
          }
          // Prisma creates scalar lists as nullable columns; every other required field is NOT NULL.
          expect(column.is_nullable, `${where} nullability`).toBe(field.isRequired && !field.isList ? "NO" : "YES");
          const fn = (field.default as { name?: string } | undefined)?.name;
          const databaseDefault = field.hasDefaultValue && !field.isUpdatedAt && !CLIENT_DEFAULTS.has(fn ?? "");
          expect(column.column_default !== null, `${where} database default`).toBe(databaseDefault);
        }
      });

      it("has the schema's primary key", () => {
        const id = datamodel.indexes.find((i) => i.model === model.name && i.type === "id");
        const pk = indexes.filter((i) => i.table === table && i.primary);
        expect(pk.map((i) => i.columns)).toEqual(id ? [id.fields.map((f) => columnOf(model, f.name))] : []);
      });

      it("has every @unique/@@unique and @@index, and no other index", () => {
        const expected = datamodel.indexes
          .filter((i) => i.model === model.name && i.type !== "id")
          .map((i) => ({ unique: i.type === "unique", columns: i.fields.map((f) => columnOf(model, f.name)) }));
        const actual = indexes
          .filter((i) => i.table === table && !i.primary)
          .map((i) => ({ unique: i.unique, columns: i.columns }));
        const key = (i: { unique: boolean; columns: string[] }) => `${i.unique ? "unique" : "index"}(${i.columns.join(",")})`;
        expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
      });

      it("has a foreign key with the right onDelete for every relation it holds", () => {
        const expected = model.fields
          .filter((f) => f.kind === "object" && (f.relationFromFields?.length ?? 0) > 0)
          .map((f) => ({
            columns: f.relationFromFields!.map((name) => columnOf(model, name)),
            ref_table: tableOf.get(f.type)!,
            ref_columns: f.relationToFields!.map((name) =>
              columnOf(
                datamodel.models.find((m) => m.name === f.type)!,
                name,
              ),
            ),
            // Prisma's defaults: Restrict for a required relation, SetNull for an optional one.
            on_delete: f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull"),
          }));
        const actual = foreignKeys
          .filter((fk) => fk.table === table)
          .map((fk) => ({
            columns: fk.columns,
            ref_table: fk.ref_table,
            ref_columns: fk.ref_columns,
            on_delete: ON_DELETE[fk.on_delete],
          }));
        const key = (fk: (typeof actual)[number]) => JSON.stringify(fk);
        expect(actual.map(key).sort()).toEqual(expected.map(key).sort());
      });
    });
  }

  it("stores every DateTime as timestamptz(3) (times are UTC, shown in the viewer's zone)", () => {
    const naive = datamodel.models.flatMap((m) =>
      m.fields.filter((f) => f.type === "DateTime" && f.nativeType?.[0] !== "Timestamptz").map((f) => `${m.name}.${f.name}`),
    );
    expect(naive).toEqual([]);
  });
});
