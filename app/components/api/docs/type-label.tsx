// A schema type in code notation: `User` (linked to its schema), `User[]`, `string | null`,
// `"active" | "deactivated"`, `string (date-time)`.
import type { TypeInfo } from "~/domains/platform/api/openapi-view";

export function TypeLabel({ type }: { type: TypeInfo }) {
  const nullable = type.nullable ? <span> | null</span> : null;
  if (type.kind === "ref") {
    return (
      <code className="font-mono">
        <a href={`#schema-${type.name}`} className="text-brand-700 underline">
          {type.name}
        </a>
        {nullable}
      </code>
    );
  }
  if (type.kind === "array") {
    return (
      <code className="font-mono">
        <TypeLabel type={type.items} />
        []{nullable}
      </code>
    );
  }
  const base = type.values
    ? type.values.map((value) => JSON.stringify(value)).join(" | ")
    : type.format
      ? `${type.name} (${type.format})`
      : type.name;
  return (
    <code className="font-mono">
      {base}
      {nullable}
    </code>
  );
}
