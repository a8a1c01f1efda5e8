import { useEffect, useState } from "preact/hooks";
import { PASSWORD_RULES } from "../lib/auth/password_policy.ts";

export interface PasswordFieldProps {
  name: string;
  label: string;
  autoComplete: "new-password" | "current-password";
  /** Show the policy as a live checklist (for new passwords). */
  showRules?: boolean;
  errors?: string[];
  required?: boolean;
}

/**
 * A password input with a show/hide toggle and — for new passwords — the policy as a
 * checklist that ticks off while typing. Before hydration it is a plain password input
 * with the rules listed, which is all a browser without JavaScript needs.
 */
export default function PasswordField(props: PasswordFieldProps) {
  const [value, setValue] = useState("");
  const [visible, setVisible] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const id = `field-${props.name}`;
  const errors = props.errors ?? [];
  const rulesId = props.showRules ? `${id}-rules` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const passed = PASSWORD_RULES.filter((rule) => rule.test(value)).length;

  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <div class="password-input">
        <input
          id={id}
          class="input"
          name={props.name}
          // Preact's input types are a union keyed on `type`, which cannot express a
          // field that toggles between the two at run time.
          type={(visible ? "text" : "password") as "password"}
          autoComplete={props.autoComplete}
          required={props.required ?? true}
          maxLength={512}
          aria-invalid={errors.length > 0 ? "true" : undefined}
          aria-describedby={[rulesId, errorId].filter(Boolean).join(" ") || undefined}
          onInput={(event) => setValue((event.target as HTMLInputElement).value)}
        />
        {hydrated && (
          <button
            type="button"
            class="password-input__toggle"
            aria-pressed={visible}
            aria-controls={id}
            onClick={() => setVisible(!visible)}
          >
            {visible ? "Hide" : "Show"}
          </button>
        )}
      </div>
      {props.showRules && (
        <div id={rulesId} class="password-rules">
          <p class="field__hint">
            {hydrated && value
              ? `${passed} of ${PASSWORD_RULES.length} requirements met`
              : "Your password needs:"}
          </p>
          <ul>
            {PASSWORD_RULES.map((rule) => {
              const met = hydrated && value !== "" && rule.test(value);
              return (
                <li key={rule.id} class={met ? "is-met" : undefined} data-rule={rule.id}>
                  <span class="visually-hidden">{met ? "Done: " : "Needed: "}</span>
                  {rule.label}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {errors.length > 0 && (
        <p id={errorId} class="field__error">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}
