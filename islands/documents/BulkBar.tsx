import { useState } from "preact/hooks";
import { api, ApiError } from "../../lib/app/client/api.ts";

interface Named {
  id: string;
  name: string;
  path?: string;
}

export interface BulkBarProps {
  ids: string[];
  categories: Named[];
  tags: Named[];
  folders: Named[];
  onClear: () => void;
  /** After the request: which ids changed, whether they are gone, and what to tell the user. */
  onDone: (changed: string[], deleted: boolean, summary: string) => void;
}

type Step =
  | null
  | "add_category"
  | "remove_category"
  | "add_tag"
  | "remove_tag"
  | "move_to_folder"
  | "share"
  | "delete";

const PAST: Record<string, string> = {
  add_category: "Category added to",
  remove_category: "Category removed from",
  add_tag: "Tag added to",
  remove_tag: "Tag removed from",
  move_to_folder: "Moved",
  reanalyse: "Re-analysis queued for",
  share: "Shared",
  delete: "Deleted",
};

const plural = (n: number) => `${n} document${n === 1 ? "" : "s"}`;

/** Actions on the selected documents (issue #5 point 5), with a summary of what happened. */
export function BulkBar({ ids, categories, tags, folders, onClear, onDone }: BulkBarProps) {
  const [step, setStep] = useState<Step>(null);
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<{ text: string; error: boolean } | null>(null);

  function choose(next: Step) {
    setStep(next);
    setValue("");
    setSummary(null);
  }

  async function run(action: string, extra: Record<string, unknown> = {}) {
    setBusy(true);
    setSummary(null);
    try {
      const { results } = await api<{ results: { id: string; ok: boolean }[] }>(
        "/api/documents/bulk",
        { body: { action, ids, ...extra } },
      );
      const done = results.filter((r) => r.ok).map((r) => r.id);
      const missed = results.length - done.length;
      setStep(null);
      onDone(
        done,
        action === "delete",
        `${PAST[action]} ${plural(done.length)}.` +
          (missed ? ` ${plural(missed)} could not be changed: they no longer exist.` : ""),
      );
    } catch (error) {
      setSummary({
        text: error instanceof ApiError ? error.message : "The action failed. Try again.",
        error: true,
      });
    } finally {
      setBusy(false);
    }
  }

  function apply(event: Event) {
    event.preventDefault();
    if (!step || (step !== "delete" && !value.trim())) return;
    const extra = step === "add_category" || step === "remove_category"
      ? { category_id: value }
      : step === "add_tag"
      ? { tag: value.trim() }
      : step === "remove_tag"
      ? { tag_id: value }
      : step === "move_to_folder"
      ? { folder_id: value === "none" ? null : value }
      : step === "share"
      ? { user_email: value.trim(), permission: "view" }
      : {};
    run(step, extra);
  }

  const picker = (options: Named[], label: string, extra?: { value: string; label: string }) => (
    <select
      class="input input--small"
      aria-label={label}
      value={value}
      onChange={(e) => setValue((e.target as HTMLSelectElement).value)}
      required
    >
      <option value="">{label}…</option>
      {extra && <option value={extra.value}>{extra.label}</option>}
      {options.map((o) => <option key={o.id} value={o.id}>{o.path ?? o.name}</option>)}
    </select>
  );

  return (
    <div class="bulk-bar" role="region" aria-label="Selected documents">
      <div class="bulk-bar__row">
        <strong class="bulk-bar__count">{ids.length} selected</strong>
        <button type="button" class="link-button" onClick={onClear}>Clear selection</button>
        <div class="bulk-bar__actions">
          <button type="button" class="button button--small" onClick={() => choose("add_category")}>
            Add category
          </button>
          <button type="button" class="button button--small" onClick={() => choose("add_tag")}>
            Add tag
          </button>
          <button
            type="button"
            class="button button--small"
            onClick={() => choose("move_to_folder")}
          >
            Move to folder
          </button>
          <details class="menu bulk-bar__more">
            <summary class="button button--small">More</summary>
            <div class="menu__list">
              <button type="button" class="menu__item" onClick={() => choose("remove_category")}>
                Remove a category
              </button>
              <button type="button" class="menu__item" onClick={() => choose("remove_tag")}>
                Remove a tag
              </button>
              <button type="button" class="menu__item" onClick={() => choose("share")}>
                Share…
              </button>
              <button
                type="button"
                class="menu__item"
                disabled={busy}
                onClick={() => run("reanalyse")}
              >
                Re-analyse
              </button>
            </div>
          </details>
          <button
            type="button"
            class="button button--small button--danger"
            onClick={() => choose("delete")}
          >
            Delete
          </button>
        </div>
      </div>
      {step && (
        <form class="bulk-bar__step" onSubmit={apply}>
          {step === "delete"
            ? <span>Delete {plural(ids.length)}? This cannot be undone.</span>
            : step === "add_category" || step === "remove_category"
            ? picker(categories, step === "add_category" ? "Category to add" : "Category to remove")
            : step === "add_tag"
            ? (
              <>
                <input
                  class="input input--small"
                  aria-label="Tag to add"
                  placeholder="Tag name"
                  list="bulk-tags"
                  value={value}
                  onInput={(e) => setValue((e.target as HTMLInputElement).value)}
                  maxLength={64}
                  required
                />
                <datalist id="bulk-tags">
                  {tags.map((t) => <option key={t.id} value={t.name} />)}
                </datalist>
              </>
            )
            : step === "remove_tag"
            ? picker(tags, "Tag to remove")
            : step === "share"
            ? (
              <input
                class="input input--small"
                type="email"
                aria-label="Share with (e-mail address)"
                placeholder="E-mail address (they can view)"
                value={value}
                onInput={(e) => setValue((e.target as HTMLInputElement).value)}
                maxLength={254}
                required
              />
            )
            : picker(folders, "Folder", { value: "none", label: "No folder" })}
          <button
            type="submit"
            class={`button button--small ${
              step === "delete" ? "button--danger" : "button--primary"
            }`}
            disabled={busy}
          >
            {busy ? "Working…" : step === "delete" ? `Delete ${plural(ids.length)}` : "Apply"}
          </button>
          <button type="button" class="button button--small" onClick={() => choose(null)}>
            Cancel
          </button>
        </form>
      )}
      <p class={`bulk-bar__summary${summary?.error ? " is-error" : ""}`} role="status">
        {summary?.text ?? ""}
      </p>
    </div>
  );
}
