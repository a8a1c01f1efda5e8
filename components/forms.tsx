/** Server-rendered form pieces in the design system's style, accessible by default. */
import type { ComponentChildren } from "preact";
import type { FormState } from "../lib/app/forms.ts";

export function FormMessage(
  { message, tone = "error" }: { message?: string; tone?: "error" | "success" | "warning" },
) {
  if (!message) return null;
  return (
    <div class={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {message}
    </div>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  /** Text-like inputs only; passwords use the PasswordField island. */
  type?: "text" | "email" | "tel" | "date" | "url" | "search";
  state?: FormState;
  value?: string | null;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  inputMode?: "numeric" | "text" | "email" | "tel";
  pattern?: string;
  autoFocus?: boolean;
  placeholder?: string;
  /** Do not mark the field "optional" even though it is not required (an alternative exists). */
  noOptionalMark?: boolean;
}

/** A labelled input with its hint and error messages wired up for screen readers. */
export function Field(props: FieldProps) {
  const id = `field-${props.name}`;
  const errors = props.state?.errors[props.name] ?? [];
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const value = props.state?.values[props.name] ?? props.value ?? "";
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {!props.required && !props.noOptionalMark && <span class="field__optional">optional</span>}
      </label>
      <input
        id={id}
        class="input"
        name={props.name}
        // Preact types <input> as a union keyed on `type`; every kind allowed above
        // takes the same attributes used here.
        type={(props.type ?? "text") as "text"}
        value={value}
        autoComplete={props.autoComplete}
        required={props.required}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        pattern={props.pattern}
        autoFocus={props.autoFocus}
        placeholder={props.placeholder}
        aria-invalid={errors.length > 0 ? "true" : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
      {props.hint && <p id={hintId} class="field__hint">{props.hint}</p>}
      {errors.length > 0 && (
        <p id={errorId} class="field__error">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

export function Card(
  { title, id, children, description }: {
    title: string;
    id?: string;
    description?: string;
    children: ComponentChildren;
  },
) {
  return (
    <section class="card section-card" id={id} aria-labelledby={id ? `${id}-title` : undefined}>
      <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
      {description && <p class="muted">{description}</p>}
      {children}
    </section>
  );
}

/** `<time>` with a readable UTC date and time. */
export function DateTime({ iso }: { iso: string | null }) {
  if (!iso) return <span class="muted">never</span>;
  const text = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(new Date(iso));
  return <time datetime={iso}>{text} UTC</time>;
}
