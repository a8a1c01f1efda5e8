import { type RefObject, render } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { api } from "../../lib/app/client/api.ts";
import { type CategoryNode, errorText, flatten, subtreeIds } from "./panel_api.ts";

export interface ManageCategoriesProps {
  onClose: () => void;
  /** After every successful change (the host refreshes what it shows). */
  onChanged: () => void;
  /** Admins may change system categories too. */
  isAdmin: boolean;
}

type Edit = { id: string; mode: "rename" | "move" | "delete"; value: string };

const documents = (n: number) => `${n} document${n === 1 ? "" : "s"}`;

/** Ids of the categories whose name matches `q`, and of all their ancestors. */
function matching(nodes: CategoryNode[], q: string, out: Set<string>): boolean {
  let any = false;
  for (const node of nodes) {
    const below = matching(node.children, q, out);
    if (below || node.name.toLowerCase().includes(q)) {
      out.add(node.id);
      any = true;
    }
  }
  return any;
}

/**
 * "Manage categories": a native modal dialog (focus trap and Esc for free) with the
 * category tree — search, rename, move, delete with a confirmation that says what
 * happens — and a form for new categories. System categories are read-only for users.
 *
 * The dialog lives at the end of <body>, not where the host renders this: a top-layer
 * dialog inside a hidden ancestor (the folded source panel on a phone) is not shown.
 */
export function ManageCategoriesDialog(props: ManageCategoriesProps) {
  const latest = useRef(props);
  latest.current = props;
  useEffect(() => {
    const root = document.createElement("div");
    document.body.append(root);
    render(<CategoryManager props={latest} />, root);
    return () => {
      render(null, root);
      root.remove();
    };
  }, []);
  return null;
}

function CategoryManager({ props }: { props: RefObject<ManageCategoriesProps> }) {
  const { isAdmin } = props.current!;
  const onClose = () => props.current!.onClose();
  const onChanged = () => props.current!.onChanged();
  const dialog = useRef<HTMLDialogElement>(null);
  const [tree, setTree] = useState<CategoryNode[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [edit, setEdit] = useState<Edit | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState("");
  const [name, setName] = useState("");
  const [parent, setParent] = useState("");
  const [system, setSystem] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function load() {
    try {
      setTree((await api<{ categories: CategoryNode[] }>("/api/categories")).categories);
      setLoadError(null);
    } catch (error) {
      setLoadError(errorText(error));
    }
  }

  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
    load();
  }, []);

  // The first control of an inline editor takes the focus when it opens.
  useLayoutEffect(() => {
    if (edit) dialog.current?.querySelector<HTMLElement>(".cat-edit [data-first]")?.focus();
  }, [edit?.id, edit?.mode]);

  function stopEditing(focusRow?: string) {
    setEdit(null);
    setRowError(null);
    if (focusRow) {
      requestAnimationFrame(() =>
        dialog.current?.querySelector<HTMLElement>(`[data-row="${focusRow}"] button`)?.focus()
      );
    }
  }

  async function change(what: string, request: () => Promise<unknown>, after?: string) {
    setBusy(true);
    setRowError(null);
    try {
      await request();
      await load();
      setNotice(what);
      onChanged();
      stopEditing(after);
      if (!after) dialog.current?.querySelector<HTMLElement>("#cat-search")?.focus();
    } catch (error) {
      setRowError(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  function save(node: CategoryNode) {
    if (!edit) return;
    const path = `/api/categories/${node.id}`;
    if (edit.mode === "rename") {
      if (edit.value.trim() === node.name) return stopEditing(node.id);
      change(
        `Renamed to ${edit.value.trim()}.`,
        () => api(path, { method: "PATCH", body: { name: edit.value } }),
        node.id,
      );
    } else if (edit.mode === "move") {
      if ((edit.value || null) === node.parent_id) return stopEditing(node.id);
      change(
        `Moved ${node.name}.`,
        () => api(path, { method: "PATCH", body: { parent_id: edit.value || null } }),
        node.id,
      );
    } else {
      change(`Deleted ${node.name}.`, () => api(path, { method: "DELETE" }));
    }
  }

  async function create(event: Event) {
    event.preventDefault();
    setBusy(true);
    setFormError(null);
    try {
      const body = { name, parent_id: parent || null, ...(system ? { system: true } : {}) };
      await api("/api/categories", { body });
      await load();
      setNotice(`Created ${name.trim()}.`);
      setName("");
      onChanged();
    } catch (error) {
      setFormError(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  const all = flatten(tree ?? []);
  const q = search.trim().toLowerCase();
  const shown = new Set<string>();
  if (q) matching(tree ?? [], q, shown);

  function editor(node: CategoryNode) {
    if (!edit || edit.id !== node.id) return null;
    const set = (value: string) => setEdit({ ...edit, value });
    const keys = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        // Esc cancels the edit; it must not close the dialog.
        event.preventDefault();
        event.stopPropagation();
        stopEditing(node.id);
      } else if (event.key === "Enter" && event.target instanceof HTMLInputElement) {
        event.preventDefault();
        save(node);
      }
    };
    let control;
    let action = "Save";
    if (edit.mode === "rename") {
      control = (
        <input
          class="input"
          data-first
          aria-label={`New name for ${node.name}`}
          maxLength={128}
          value={edit.value}
          onInput={(e) => set(e.currentTarget.value)}
        />
      );
    } else if (edit.mode === "move") {
      const inside = subtreeIds(node);
      action = "Move";
      control = (
        <select
          class="input"
          data-first
          aria-label={`Move ${node.name} into`}
          value={edit.value}
          onChange={(e) => set(e.currentTarget.value)}
        >
          <option value="">Top level</option>
          {all.filter((c) => !inside.has(c.id) && (!node.system || c.system)).map((c) => (
            <option key={c.id} value={c.id}>{c.path}</option>
          ))}
        </select>
      );
    } else {
      action = "Delete";
      control = (
        <p class="cat-edit__warning">
          Delete <strong>{node.name}</strong>?{" "}
          {node.children.length > 0 && "Its sub-categories move up a level; "}
          {documents(node.document_count)} {node.document_count === 1 ? "loses" : "lose"}{" "}
          this category.
        </p>
      );
    }
    return (
      <div class="cat-edit" onKeyDown={keys}>
        {control}
        <div class="cat-edit__buttons">
          <button
            type="button"
            class={`button button--small ${
              edit.mode === "delete" ? "button--danger" : "button--primary"
            }`}
            data-first={edit.mode === "delete" ? true : undefined}
            disabled={busy}
            onClick={() => save(node)}
          >
            {action}
          </button>
          <button type="button" class="button button--small" onClick={() => stopEditing(node.id)}>
            Cancel
          </button>
        </div>
        {rowError && <p class="field__error" role="alert">{rowError}</p>}
      </div>
    );
  }

  function branch(nodes: CategoryNode[]) {
    const visible = q ? nodes.filter((n) => shown.has(n.id)) : nodes;
    if (!visible.length) return null;
    return (
      <ul class="cat-tree">
        {visible.map((node) => {
          const editable = !node.system || isAdmin;
          const start = (mode: Edit["mode"], value: string) => {
            setRowError(null);
            setEdit({ id: node.id, mode, value });
          };
          return (
            <li key={node.id}>
              <div class="cat-row" data-row={node.id}>
                <span class="cat-row__name">{node.name}</span>
                {node.system && <span class="badge">System</span>}
                {node.document_count > 0 && (
                  <span class="cat-row__count">{documents(node.document_count)}</span>
                )}
                {editable && (
                  <span class="cat-row__actions">
                    <button
                      type="button"
                      class="link-button"
                      aria-label={`Rename ${node.name}`}
                      onClick={() => start("rename", node.name)}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      class="link-button"
                      aria-label={`Move ${node.name}`}
                      onClick={() => start("move", node.parent_id ?? "")}
                    >
                      Move
                    </button>
                    <button
                      type="button"
                      class="link-button link-button--danger"
                      aria-label={`Delete ${node.name}`}
                      onClick={() => start("delete", "")}
                    >
                      Delete
                    </button>
                  </span>
                )}
              </div>
              {editor(node)}
              {branch(node.children)}
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <dialog
      ref={dialog}
      class="cat-manager"
      aria-labelledby="cat-manager-title"
      onClose={onClose}
      onCancel={(event) => {
        // Esc while editing a row cancels the edit, not the dialog.
        if (!edit) return;
        event.preventDefault();
        stopEditing(edit.id);
      }}
    >
      <div class="cat-manager__header">
        <h2 id="cat-manager-title">Manage categories</h2>
        <button
          type="button"
          class="doc-panel__close"
          aria-label="Close"
          onClick={() => dialog.current?.close()}
        >
          <svg viewBox="0 0 24 24" class="icon" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>
      <div class="cat-manager__body">
        <input
          id="cat-search"
          type="search"
          class="input"
          aria-label="Search categories"
          placeholder="Search categories…"
          autofocus
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
        <p class="visually-hidden" role="status">{notice}</p>
        {loadError && (
          <p class="alert alert--error" role="alert">
            {loadError} <button type="button" class="link-button" onClick={load}>Try again</button>
          </p>
        )}
        {!tree && !loadError && <p class="muted">Loading categories…</p>}
        {tree && (tree.length === 0
          ? <p class="muted">No categories yet.</p>
          : branch(tree) ?? <p class="muted">No category matches “{search.trim()}”.</p>)}

        <form class="cat-new" onSubmit={create}>
          <h3>New category</h3>
          <div class="cat-new__fields">
            <div class="field">
              <label for="cat-new-name">Name</label>
              <input
                id="cat-new-name"
                class="input"
                required
                maxLength={128}
                value={name}
                aria-invalid={formError ? true : undefined}
                aria-describedby={formError ? "cat-new-error" : undefined}
                onInput={(e) => setName(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="cat-new-parent">
                Inside<span class="field__optional">optional</span>
              </label>
              <select
                id="cat-new-parent"
                class="input"
                value={all.some((c) => c.id === parent) ? parent : ""}
                onChange={(e) => setParent(e.currentTarget.value)}
              >
                <option value="">Top level</option>
                {all.filter((c) => !system || c.system).map((c) => (
                  <option key={c.id} value={c.id}>{c.path}</option>
                ))}
              </select>
            </div>
          </div>
          {isAdmin && (
            <label class="cat-new__system">
              <input
                type="checkbox"
                checked={system}
                onChange={(e) => setSystem(e.currentTarget.checked)}
              />{" "}
              System category (everyone sees it)
            </label>
          )}
          {formError && <p class="field__error" id="cat-new-error" role="alert">{formError}</p>}
          <button type="submit" class="button button--primary" disabled={busy}>
            Create category
          </button>
        </form>
      </div>
    </dialog>
  );
}
