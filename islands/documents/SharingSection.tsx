import { useState } from "preact/hooks";
import { api, ApiError } from "../../lib/app/client/api.ts";

interface Share {
  id: string;
  permission: "view" | "edit";
  user: { id: string; email: string; full_name: string } | null;
  group: { id: string; name: string } | null;
}

interface Choices {
  groups: { id: string; name: string }[];
  contacts: { id: string; email: string; full_name: string }[];
}

const PERMISSIONS = { view: "Can view", edit: "Can edit" } as const;

/**
 * Who the document is shared with (owners only): recipients with their permission, a
 * revoke button each, and a picker — the people and groups the owner shares a group
 * with, or anyone by their exact e-mail address.
 */
export function SharingSection(
  { documentId, onCount }: { documentId: string; onCount: (count: number) => void },
) {
  const [shares, setShares] = useState<Share[] | null>(null);
  const [choices, setChoices] = useState<Choices>({ groups: [], contacts: [] });
  const [recipient, setRecipient] = useState("");
  const [permission, setPermission] = useState<"view" | "edit">("view");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const base = `/api/documents/${documentId}/shares`;

  function update(list: Share[]) {
    setShares(list);
    onCount(list.length);
  }

  async function load() {
    if (shares) return;
    try {
      const [current, groups, contacts] = await Promise.all([
        api<{ shares: Share[] }>(base),
        api<{ groups: Choices["groups"] }>("/api/users/me/groups"),
        api<{ contacts: Choices["contacts"] }>("/api/users/me/contacts"),
      ]);
      setShares(current.shares);
      setChoices({ groups: groups.groups, contacts: contacts.contacts });
    } catch (error) {
      setMessage({
        text: error instanceof ApiError ? error.message : "Could not load.",
        error: true,
      });
    }
  }

  async function run(action: () => Promise<Share[] | void>, done: string) {
    setBusy(true);
    setMessage(null);
    try {
      const list = await action();
      if (list) update(list);
      setMessage({ text: done });
    } catch (error) {
      setMessage({
        text: error instanceof ApiError ? error.message : "That did not work. Try again.",
        error: true,
      });
    } finally {
      setBusy(false);
    }
  }

  function add(event: Event) {
    event.preventDefault();
    const typed = recipient.trim();
    if (!typed) return;
    // A group's name picks the group; anything else is an e-mail address.
    const group = choices.groups.find((g) => `Group: ${g.name}` === typed);
    const contact = choices.contacts.find((c) => `${c.full_name} <${c.email}>` === typed);
    const body = group
      ? { group_id: group.id, permission }
      : { user_email: contact?.email ?? typed, permission };
    run(async () => {
      const { shares } = await api<{ shares: Share[] }>(base, { body });
      setRecipient("");
      return shares;
    }, `Shared with ${group ? group.name : contact?.full_name ?? typed}.`);
  }

  const change = (share: Share, next: "view" | "edit") =>
    run(async () => {
      const body = share.group
        ? { group_id: share.group.id, permission: next }
        : { user_email: share.user!.email, permission: next };
      return (await api<{ shares: Share[] }>(base, { body })).shares;
    }, "Permission changed.");

  const revoke = (share: Share) =>
    run(async () => {
      await api(`${base}/${share.id}`, { method: "DELETE" });
      return shares!.filter((s) => s.id !== share.id);
    }, "Access revoked.");

  return (
    <details
      class="doc-panel__section doc-sharing"
      onToggle={(e) => e.currentTarget.open && load()}
    >
      <summary>Sharing{shares ? ` (${shares.length})` : ""}</summary>
      {shares && (
        <>
          {shares.length === 0
            ? <p class="muted">Only you can see this document.</p>
            : (
              <ul class="doc-sharing__list" role="list">
                {shares.map((share) => {
                  const name = share.group
                    ? `Group: ${share.group.name}`
                    : `${share.user!.full_name} (${share.user!.email})`;
                  return (
                    <li key={share.id} class="doc-sharing__item">
                      <span class="doc-sharing__name">{name}</span>
                      <select
                        class="input input--small"
                        aria-label={`Permission of ${name}`}
                        value={share.permission}
                        disabled={busy}
                        onChange={(e) => change(share, e.currentTarget.value as "view" | "edit")}
                      >
                        <option value="view">{PERMISSIONS.view}</option>
                        <option value="edit">{PERMISSIONS.edit}</option>
                      </select>
                      <button
                        type="button"
                        class="button button--small"
                        aria-label={`Revoke access of ${name}`}
                        disabled={busy}
                        onClick={() => revoke(share)}
                      >
                        Revoke
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          <form class="doc-sharing__add" onSubmit={add}>
            <label for="share-recipient">Share with</label>
            <input
              id="share-recipient"
              class="input input--small"
              list="share-choices"
              placeholder="E-mail address, person or group"
              value={recipient}
              onInput={(e) => setRecipient(e.currentTarget.value)}
              maxLength={254}
              required
            />
            <datalist id="share-choices">
              {choices.groups.map((g) => <option key={g.id} value={`Group: ${g.name}`} />)}
              {choices.contacts.map((c) => (
                <option key={c.id} value={`${c.full_name} <${c.email}>`} />
              ))}
            </datalist>
            <select
              class="input input--small"
              aria-label="Permission"
              value={permission}
              onChange={(e) => setPermission(e.currentTarget.value as "view" | "edit")}
            >
              <option value="view">{PERMISSIONS.view}</option>
              <option value="edit">{PERMISSIONS.edit}</option>
            </select>
            <button type="submit" class="button button--small button--primary" disabled={busy}>
              Share
            </button>
          </form>
        </>
      )}
      <p class={`doc-sharing__message${message?.error ? " field__error" : ""}`} role="status">
        {message?.text ?? ""}
      </p>
    </details>
  );
}
