// The one way forms validate in the browser: the same zod schema as the action, checked when a
// field loses focus and re-checked as the person types. The server's verdict (lastResult) wins.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import type { z } from "zod";

type Options<Schema extends z.ZodTypeAny> = {
  id: string;
  schema: Schema;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, unknown> | null;
};

export function useValidatedForm<Schema extends z.ZodTypeAny>({ id, schema, lastResult, defaultValue }: Options<Schema>) {
  return useForm<z.input<Schema>, z.output<Schema>>({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}
