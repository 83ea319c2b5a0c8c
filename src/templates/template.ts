// What a typed template is: zod parameters in, KQL text out, a zod row schema for what comes back.
import type { z } from "zod";

export interface KqlTemplate<P extends z.ZodObject = z.ZodObject, R extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly description: string;
  readonly params: P;
  readonly row: R;
  /** Parameters for `check` and the docs; the defaults where the template has no required parameter. */
  readonly example: z.input<P>;
  /** The KQL for validated parameters; every value goes through kql-literals. */
  readonly kql: (params: z.output<P>) => string;
  /** The time range the query reads, so a workspace query can pass it as the API's timespan too. */
  readonly timeRange?: (params: z.output<P>) => { readonly start: number | null; readonly end: number | null };
}

export type TemplateParams<T extends KqlTemplate> = z.input<T["params"]>;
export type TemplateRow<T extends KqlTemplate> = z.output<T["row"]>;

export function defineTemplate<P extends z.ZodObject, R extends z.ZodObject>(
  template: KqlTemplate<P, R>,
): KqlTemplate<P, R> {
  return template;
}

/** Validates `input` and renders the KQL; a bad parameter is an error naming the template, the parameter and the fix. */
export function renderTemplate<P extends z.ZodObject, R extends z.ZodObject>(
  template: KqlTemplate<P, R>,
  input: z.input<P>,
): string {
  return template.kql(parseParams(template, input));
}

export function parseParams<P extends z.ZodObject, R extends z.ZodObject>(
  template: KqlTemplate<P, R>,
  input: z.input<P>,
): z.output<P> {
  const parsed = template.params.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0] as { path: PropertyKey[]; message: string; code: string; keys?: string[] };
  if (first.code === "unrecognized_keys") {
    throw new Error(
      `template ${template.name}: unknown parameter ${(first.keys ?? []).join(", ")}; known: ${Object.keys(template.params.shape).join(", ")}`,
    );
  }
  throw new Error(`template ${template.name}: parameter ${first.path.map(String).join(".") || "?"}: ${first.message}`);
}
