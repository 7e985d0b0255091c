/**
 * The editor's form, described from the chart's JSON Schema (`chartJsonSchema()`), so that a field
 * added to the schema appears in the form without touching the editor. Each property becomes a
 * field by its shape: a string is a text box (a text area for prose), a number a number box, a
 * boolean a checkbox, an enum a menu, a list of strings a text area with one item a line, a pair
 * a "x, y" box, an object of optional alternatives (an annotation's `on`) a menu of which one plus
 * its value, and a list of objects (annotations) a repeated group. Pure: no DOM here.
 */

/** The part of JSON Schema the editor reads. */
export interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  exclusiveMinimum?: number;
}

interface FieldBase {
  /** The property name; an item's fields are relative to the item (`text`, not `annotations[0].text`). */
  key: string;
  label: string;
  /** The schema's description, shown as the field's help. */
  help: string;
  required: boolean;
}

/** One field of the form. */
export type Field =
  | (FieldBase & {kind: "text" | "textarea" | "number" | "boolean" | "list" | "point"})
  | (FieldBase & {kind: "enum"; options: string[]})
  | (FieldBase & {kind: "choice"; options: Field[]})
  | (FieldBase & {kind: "items"; item: Field[]});

/** The form of one chart type: the texts every chart has, the options of this type, and the annotations. */
export interface FormLayout {
  types: string[];
  text: Field[];
  options: Field[];
  annotations: Field | null;
}

/** Properties written as prose get a text area rather than a one-line box. */
const prose = new Set(["subtitle", "note", "alt", "text"]);

/** Labels where the property name does not read well; the others are the name in words (`unitLabel` → "Unit label"). */
const labels: Record<string, string> = {
  alt: "Alt text",
  on: "Anchored to",
  dx: "Offset x (px)",
  dy: "Offset y (px)",
  arrow: "Arrow to the anchor",
  point: "Point (x, y)",
  focus: "Focus country"
};

/** `unitLabel` → "Unit label". */
export function labelOf(key: string): string {
  if (labels[key]) return labels[key];
  const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The variants of a union schema (`anyOf` or `oneOf`), or the schema itself. */
function variants(schema: JsonSchema): JsonSchema[] {
  return schema.anyOf ?? schema.oneOf ?? [schema];
}

/** The chart types a schema allows, in its order: the `const` of each variant's `type`. */
export function chartTypesOf(schema: JsonSchema): string[] {
  return variants(schema).flatMap((v) => {
    const c = v.properties?.type?.const;
    return typeof c === "string" ? [c] : [];
  });
}

/** The variant of a union schema for one chart type, or undefined for a type the schema does not know. */
export function variantOf(schema: JsonSchema, type: string): JsonSchema | undefined {
  return variants(schema).find((v) => v.properties?.type?.const === type);
}

/** The field of one property, by its schema's shape. */
export function fieldOf(key: string, schema: JsonSchema, required: boolean): Field {
  const base = {key, label: labelOf(key), help: schema.description ?? "", required};
  if (schema.enum) return {...base, kind: "enum", options: schema.enum.map(String)};
  if (schema.type === "number" || schema.type === "integer") return {...base, kind: "number"};
  if (schema.type === "boolean") return {...base, kind: "boolean"};
  if (schema.type === "array" && schema.prefixItems) return {...base, kind: "point"};
  if (schema.type === "array" && schema.items?.type === "object")
    return {...base, kind: "items", item: fieldsOf(schema.items)};
  if (schema.type === "array") return {...base, kind: "list"};
  if (schema.type === "object" && !schema.required?.length && schema.properties) {
    return {...base, kind: "choice", options: fieldsOf(schema)};
  }
  return {...base, kind: prose.has(key) ? "textarea" : "text"};
}

/** The fields of an object schema, in its order; `$schema` (an editor hint, not content) is left out. */
export function fieldsOf(schema: JsonSchema): Field[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([key]) => key !== "$schema")
    .map(([key, property]) => fieldOf(key, property, required.has(key)));
}

/**
 * The form of a chart type: `text` holds the fields every type shares (title, subtitle, note, alt,
 * colours), `options` those of this type only (`unit`, `places`, …), `annotations` the repeated group.
 *
 * ```ts
 * const {text, options, annotations} = formLayout(chartJsonSchema(), "units");
 * ```
 */
export function formLayout(schema: JsonSchema, type: string): FormLayout {
  const types = chartTypesOf(schema);
  const variant = variantOf(schema, type);
  if (!variant) return {types, text: [], options: [], annotations: null};
  // A field every type has alike (same description): the spec's texts; `claims` differs by type.
  const described = (v: JsonSchema, key: string) => v.properties?.[key]?.description;
  const shared = (key: string) =>
    variants(schema).every((v) => v.properties && key in v.properties && described(v, key) === described(variant, key));
  const fields = fieldsOf(variant).filter((f) => f.key !== "type");
  return {
    types,
    text: fields.filter((f) => shared(f.key) && f.kind !== "items"),
    // Lists of objects other than the annotations (a map's territories) are edited in the file;
    // moved labels (`labels`) are set by dragging them on the chart.
    options: fields.filter((f) => !shared(f.key) && f.kind !== "items"),
    annotations: fields.find((f) => f.key === "annotations") ?? null
  };
}

/**
 * The spec after a change of type: the properties the new type also has are kept, the others
 * dropped (undo brings them back). Required options the new type needs are left for the form to
 * ask for, with their problem shown beside them.
 */
export function changeType(spec: Record<string, unknown>, schema: JsonSchema, type: string): Record<string, unknown> {
  const variant = variantOf(schema, type);
  const allowed = new Set(Object.keys(variant?.properties ?? {}));
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) if (allowed.has(key)) next[key] = value;
  next.type = type;
  return next;
}
