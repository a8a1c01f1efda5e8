/**
 * The small part of JSON Schema that app manifests use for their settings, with its
 * validator and the model of the form generated from it. A settings schema is an object
 * of flat properties: strings (with `maxLength`, `minLength`, or an `enum`), integers and
 * numbers (with `minimum`/`maximum`) and booleans — each with a `title`, an optional
 * `description` and a `default`. Unknown settings are refused (`additionalProperties`
 * is always false). Pure code: no I/O.
 */
import type { FieldError } from "../shared/errors.ts";

interface PropertyBase {
  /** The form label. */
  title: string;
  /** The hint under the field. */
  description?: string;
}

export interface StringProperty extends PropertyBase {
  type: "string";
  default?: string;
  minLength?: number;
  maxLength?: number;
  /** The allowed values (shown as a select). */
  enum?: readonly string[];
  /** Labels for the `enum` values, in the same order (a JSON Schema vendor extension). */
  "x-enum-titles"?: readonly string[];
}

export interface NumberProperty extends PropertyBase {
  type: "integer" | "number";
  default?: number;
  minimum?: number;
  maximum?: number;
}

export interface BooleanProperty extends PropertyBase {
  type: "boolean";
  default?: boolean;
}

export type SettingProperty = StringProperty | NumberProperty | BooleanProperty;

export interface SettingsSchema {
  type: "object";
  properties: Readonly<Record<string, SettingProperty>>;
  additionalProperties: false;
}

export type SettingValue = string | number | boolean;
export type Settings = Record<string, SettingValue>;

/** The value a property has when nothing was saved. */
export function defaultValue(property: SettingProperty): SettingValue {
  if (property.default !== undefined) return property.default;
  switch (property.type) {
    case "boolean":
      return false;
    case "string":
      return property.enum?.[0] ?? "";
    default:
      return property.minimum ?? 0;
  }
}

/** Every property at its default. */
export function defaultSettings(schema: SettingsSchema): Settings {
  return Object.fromEntries(
    Object.entries(schema.properties).map(([key, property]) => [key, defaultValue(property)]),
  );
}

function range(property: NumberProperty): string {
  const { minimum: min, maximum: max } = property;
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return "";
}

/** Why `value` does not fit `property`, or null when it does. */
export function checkValue(property: SettingProperty, value: unknown): string | null {
  switch (property.type) {
    case "boolean":
      return typeof value === "boolean" ? null : "Choose yes or no.";
    case "integer":
    case "number": {
      const whole = property.type === "integer";
      const ok = typeof value === "number" && Number.isFinite(value) &&
        (!whole || Number.isInteger(value)) &&
        (property.minimum === undefined || value >= property.minimum) &&
        (property.maximum === undefined || value <= property.maximum);
      return ok ? null : `Enter ${whole ? "a whole number" : "a number"}${range(property)}.`;
    }
    case "string": {
      if (property.enum) {
        const labels = property["x-enum-titles"] ?? property.enum;
        return typeof value === "string" && property.enum.includes(value)
          ? null
          : `Choose one of: ${labels.join(", ")}.`;
      }
      if (typeof value !== "string") return "Enter text.";
      if (property.minLength !== undefined && value.length < property.minLength) {
        return property.minLength === 1
          ? "This cannot be empty."
          : `Enter at least ${property.minLength} characters.`;
      }
      if (property.maxLength !== undefined && value.length > property.maxLength) {
        return `At most ${property.maxLength} characters.`;
      }
      return null;
    }
  }
}

export type SettingsCheck =
  | { ok: true; value: Settings }
  | { ok: false; errors: FieldError[] };

/**
 * Check a whole settings object. Settings left out take their defaults (a PUT replaces
 * the settings); unknown ones are refused. Errors are by field, like every 422.
 */
export function validateSettings(schema: SettingsSchema, input: unknown): SettingsCheck {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return { ok: false, errors: [{ path: "", message: "Send the settings as a JSON object." }] };
  }
  const errors: FieldError[] = [];
  const value: Settings = {};
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(schema.properties, key)) {
      errors.push({ path: key, message: "This app has no such setting." });
    }
  }
  for (const [key, property] of Object.entries(schema.properties)) {
    const given = (input as Record<string, unknown>)[key];
    if (given === undefined) {
      value[key] = defaultValue(property);
      continue;
    }
    const problem = checkValue(property, given);
    if (problem) errors.push({ path: key, message: problem });
    else value[key] = given as SettingValue;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

/**
 * The settings in effect: the saved ones that still fit the schema (a newer version of
 * an app may have changed it), the defaults for the rest.
 */
export function effectiveSettings(schema: SettingsSchema, saved: unknown): Settings {
  const stored = saved && typeof saved === "object" ? saved as Record<string, unknown> : {};
  const settings = defaultSettings(schema);
  for (const [key, property] of Object.entries(schema.properties)) {
    if (stored[key] !== undefined && checkValue(property, stored[key]) === null) {
      settings[key] = stored[key] as SettingValue;
    }
  }
  return settings;
}

/**
 * The typed settings object from a submitted form (all values are text there): numbers
 * are parsed, a checkbox that was not sent is false, and text that is not a number is
 * kept as it is so that validation names the field.
 */
export function settingsFromForm(
  schema: SettingsSchema,
  form: Record<string, unknown>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties)) {
    const raw = Array.isArray(form[key]) ? (form[key] as unknown[]).at(-1) : form[key];
    const text = typeof raw === "string" ? raw : undefined;
    if (property.type === "boolean") {
      input[key] = text !== undefined && ["on", "true", "1", "yes"].includes(text.toLowerCase());
    } else if (property.type === "string") {
      input[key] = text ?? "";
    } else {
      const trimmed = (text ?? "").trim();
      input[key] = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)
        ? Number(trimmed)
        : trimmed;
    }
  }
  return input;
}

/** One field of the generated settings form. */
export interface SettingsField {
  name: string;
  label: string;
  hint: string | null;
  kind: "text" | "number" | "select" | "checkbox";
  /** The current value as the input shows it. */
  value: string;
  checked: boolean;
  required: boolean;
  min?: number;
  max?: number;
  step?: string;
  maxLength?: number;
  minLength?: number;
  options: { value: string; label: string }[];
  error: string | null;
}

/** The form for `schema`, showing `values` (saved or just submitted) and field errors. */
export function settingsForm(
  schema: SettingsSchema,
  values: Record<string, unknown>,
  errors: FieldError[] = [],
): SettingsField[] {
  return Object.entries(schema.properties).map(([name, property]) => {
    const value = values[name] ?? defaultValue(property);
    const field: SettingsField = {
      name,
      label: property.title,
      hint: property.description ?? null,
      kind: "text",
      value: String(value),
      checked: value === true,
      required: false,
      options: [],
      error: errors.find((e) => e.path === name)?.message ?? null,
    };
    if (property.type === "boolean") field.kind = "checkbox";
    else if (property.type === "string" && property.enum) {
      const labels = property["x-enum-titles"] ?? property.enum;
      field.kind = "select";
      field.options = property.enum.map((v, i) => ({ value: v, label: labels[i] ?? v }));
    } else if (property.type === "string") {
      field.maxLength = property.maxLength;
      field.minLength = property.minLength;
      field.required = (property.minLength ?? 0) > 0;
    } else {
      field.kind = "number";
      field.min = property.minimum;
      field.max = property.maximum;
      field.step = property.type === "integer" ? "1" : "any";
      field.required = true;
    }
    return field;
  });
}
