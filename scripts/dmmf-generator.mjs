#!/usr/bin/env node
// A tiny Prisma generator: writes the schema's DMMF datamodel (models, fields, enums, indexes)
// as JSON during `prisma generate`, so tests can compare the migrated database with the schema
// without the schema engine (which cannot run offline). Runs as `node scripts/dmmf-generator.mjs`.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import helper from "@prisma/generator-helper";

helper.generatorHandler({
  onManifest: () => ({ prettyName: "DMMF datamodel (JSON)", defaultOutput: "../../app/generated/dmmf" }),
  onGenerate: async (options) => {
    const out = options.generator.output?.value;
    if (!out) throw new Error("dmmf generator: no output directory");
    mkdirSync(out, { recursive: true });
    const datamodel = options.dmmf.datamodel;
    writeFileSync(path.join(out, "datamodel.json"), `${JSON.stringify(datamodel, null, 2)}\n`);
  },
});
