import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

export interface ComboOption {
  /** An existing item's id, or "" for "create / add what was typed". */
  id: string;
  label: string;
  hint?: string;
}

export interface ChipComboboxProps {
  /** Base for the element ids (input, listbox, options). */
  id: string;
  label: string;
  chips: { id: string; label: string }[];
  /** The suggestions for `query` (the parent filters or fetches them). */
  options: ComboOption[];
  query: string;
  onQuery: (query: string) => void;
  onPick: (option: ComboOption) => void;
  onRemove: (id: string) => void;
  /** Free text: Enter without a highlighted option, or a comma, adds what was typed. */
  onText?: (text: string) => void;
  onFocus?: () => void;
  placeholder?: string;
  /** "Saving…", "Saved" or the error, next to the label. */
  status?: ComponentChildren;
  error?: string | null;
}

/**
 * Chips with remove buttons and an ARIA 1.2 combobox to add more: ArrowUp/Down move
 * through the suggestions, Enter picks, Escape closes the list (then clears the text),
 * Backspace in the empty input removes the last chip.
 */
export function ChipCombobox(props: ChipComboboxProps) {
  const { id, label, chips, options, query } = props;
  const [open, setOpen] = useState(false);
  // Without free text, the first suggestion is picked by Enter (automatic selection).
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const listId = `${id}-list`;
  const shown = open && options.length > 0;

  useEffect(() => setActive(props.onText || !query ? -1 : 0), [query, options.length]);
  useEffect(() => {
    if (shown && active >= 0) {
      list.current?.children[active]?.scrollIntoView({ block: "nearest" });
    }
  }, [active, shown]);

  function pick(option: ComboOption) {
    props.onPick(option);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent) {
    const n = options.length;
    const key = event.key;
    if (key === "ArrowDown" || key === "ArrowUp") {
      event.preventDefault();
      if (!shown) return setOpen(true);
      setActive((a) => key === "ArrowDown" ? (a + 1) % n : (a <= 0 ? n - 1 : a - 1));
    } else if (key === "Enter") {
      event.preventDefault();
      if (shown && active >= 0 && options[active]) pick(options[active]);
      else if (props.onText && query.trim()) props.onText(query.trim());
    } else if (key === "," && props.onText) {
      event.preventDefault();
      if (query.trim()) props.onText(query.trim());
    } else if (key === "Escape" && (shown || query)) {
      // Handled here: the panel around us must not close.
      event.preventDefault();
      event.stopPropagation();
      if (shown) setOpen(false);
      else props.onQuery("");
    } else if (key === "Backspace" && !query && chips.length) {
      props.onRemove(chips[chips.length - 1].id);
    }
  }

  return (
    <div class="field combo">
      <div class="doc-panel__label-row">
        <label for={`${id}-input`}>{label}</label>
        {props.status}
      </div>
      <div class="combo__anchor">
        <div class="combo__box" onClick={() => input.current?.focus()}>
          {chips.length > 0 && (
            <ul class="chips" aria-label={label}>
              {chips.map((chip) => (
                <li key={chip.id} class="chip">
                  <span class="chip__label">{chip.label}</span>
                  <button
                    type="button"
                    class="chip__remove"
                    aria-label={`Remove ${chip.label}`}
                    onClick={() => {
                      props.onRemove(chip.id);
                      input.current?.focus();
                    }}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            ref={input}
            id={`${id}-input`}
            class="combo__input"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={shown}
            aria-controls={listId}
            aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
            aria-invalid={props.error ? true : undefined}
            aria-describedby={props.error ? `${id}-error` : undefined}
            autocomplete="off"
            placeholder={props.placeholder}
            value={query}
            onInput={(event) => {
              props.onQuery(event.currentTarget.value);
              setOpen(true);
            }}
            onFocus={() => {
              props.onFocus?.();
              setOpen(true);
            }}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
        </div>
        <ul
          ref={list}
          id={listId}
          role="listbox"
          aria-label={label}
          class="combo__list"
          hidden={!shown}
        >
          {options.map((option, i) => (
            <li
              key={option.id || "new"}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              class="combo__option"
              // mousedown, not click: the input keeps its focus.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(option);
              }}
              onMouseMove={() => i !== active && setActive(i)}
            >
              {option.label}
              {option.hint && <span class="combo__hint">{option.hint}</span>}
            </li>
          ))}
        </ul>
      </div>
      {props.error && <p class="field__error" id={`${id}-error`}>{props.error}</p>}
    </div>
  );
}
