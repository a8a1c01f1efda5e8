import { useEffect, useMemo, useState } from "preact/hooks";
import { api } from "../lib/app/client/api.ts";
import { onDocumentsChanged } from "../lib/app/client/events.ts";
import { viewHref, withParam, withValue } from "../lib/documents/documents_url.ts";
import { ManageCategoriesDialog } from "./documents/ManageCategories.tsx";

interface Node {
  id: string;
  name: string;
  path: string;
  parent_id: string | null;
}

export interface SourcePanelProps {
  /** The current listing's query string (links keep the other filters). */
  search: string;
  categories: (Node & { system: boolean })[];
  tags: { id: string; name: string }[];
  folders: Node[];
  isAdmin: boolean;
}

const VIEWS = [
  { view: "all", label: "All documents", icon: "M4 5h16M4 12h16M4 19h16" },
  { view: "recent", label: "Recent", icon: "M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z" },
  {
    view: "review",
    label: "Needs review",
    icon: "M9 12l2 2 4-4M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0z",
  },
  {
    view: "processing",
    label: "Processing & failed",
    icon: "M4 12a8 8 0 0 1 14-5.3M20 12a8 8 0 0 1-14 5.3M18 3v4h-4M6 21v-4h4",
  },
  {
    view: "shared",
    label: "Shared with me",
    icon:
      "M16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8 13a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20a6 6 0 0 1 12 0M14 20a6 6 0 0 1 8-5.6",
  },
];

/** How many tags show before "Show all". */
const TAGS_SHOWN = 16;

function Icon({ d }: { d: string }) {
  return (
    <svg class="icon" width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}

function Count({ n }: { n: number | undefined }) {
  return <span class="source__count">{n === undefined ? "" : n.toLocaleString("en")}</span>;
}

interface TreeProps<T extends Node> {
  nodes: T[];
  parent: string | null;
  href: (node: T) => string;
  active: Set<string>;
  /** Ancestors of the active nodes and of filter matches: shown open. */
  open: Set<string>;
  counts: Map<string, number> | null;
  visible: Set<string> | null;
  label: (node: T) => string;
}

/**
 * A tree of links. Expanding and collapsing are native <details>, so they work before
 * (and without) JavaScript; the island adds filtering and counts.
 */
function Tree<T extends Node>(props: TreeProps<T>) {
  const children = props.nodes.filter((n) =>
    n.parent_id === props.parent && (!props.visible || props.visible.has(n.id))
  );
  if (children.length === 0) return null;
  return (
    <ul class="tree" role="list">
      {children.map((node) => {
        const hasChildren = props.nodes.some((n) => n.parent_id === node.id);
        const link = (
          <a
            class="source__link"
            href={props.href(node)}
            aria-current={props.active.has(node.id) ? "true" : undefined}
            title={node.path}
          >
            <span class="source__name">{props.label(node)}</span>
            <Count n={props.counts ? props.counts.get(node.id) ?? 0 : undefined} />
          </a>
        );
        return (
          <li key={node.id}>
            {hasChildren
              ? (
                <details class="tree__node" open={props.open.has(node.id) || undefined}>
                  <summary class="tree__summary">
                    <span class="visually-hidden">Show or hide the sub-categories of</span>
                    {link}
                  </summary>
                  <Tree {...props} parent={node.id} />
                </details>
              )
              : <div class="tree__leaf">{link}</div>}
          </li>
        );
      })}
    </ul>
  );
}

function ancestorsOf(nodes: Node[], ids: Iterable<string>): Set<string> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const found = new Set<string>();
  for (const id of ids) {
    let parent = byId.get(id)?.parent_id ?? null;
    for (let depth = 0; parent && depth < 50; depth++) {
      found.add(parent);
      parent = byId.get(parent)?.parent_id ?? null;
    }
  }
  return found;
}

interface CountedNode {
  id: string;
  total_count?: number;
  document_count: number;
  children?: CountedNode[];
}

function flattenCounts(nodes: CountedNode[], into = new Map<string, number>()) {
  for (const node of nodes) {
    into.set(node.id, node.total_count ?? node.document_count);
    if (node.children) flattenCounts(node.children, into);
  }
  return into;
}

/** The library: views, the category tree, tags and folders (issue #5 point 1). */
export default function SourcePanel(
  { search, categories, tags, folders, isAdmin }: SourcePanelProps,
) {
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const view = params.get("view") ?? "all";
  const [filter, setFilter] = useState("");
  const [counts, setCounts] = useState<
    | { categories: Map<string, number>; tags: Map<string, number>; folders: Map<string, number> }
    | null
  >(null);
  const [allTags, setAllTags] = useState(false);
  const [managing, setManaging] = useState(false);
  const [changedCategories, setChangedCategories] = useState(false);
  const [hydrated, setHydrated] = useState(false);

  useEffect(() => {
    setHydrated(true);
    const load = () =>
      Promise.all([
        api<{ categories: CountedNode[] }>("/api/categories"),
        api<{ tags: CountedNode[] }>("/api/tags"),
        api<{ folders: CountedNode[] }>("/api/folders"),
      ]).then(([c, t, f]) =>
        setCounts({
          categories: flattenCounts(c.categories),
          tags: flattenCounts(t.tags),
          folders: flattenCounts(f.folders),
        })
      ).catch(() => {}); // Counts are a nicety: the links work without them.
    load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onDocumentsChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(load, 1500);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, []);

  const activeCategories = new Set(params.getAll("category"));
  const activeTags = new Set(params.getAll("tag"));
  const activeFolders = new Set(params.getAll("folder"));
  const needle = filter.trim().toLowerCase();
  const matches = needle
    ? new Set(categories.filter((c) => c.path.toLowerCase().includes(needle)).map((c) => c.id))
    : null;
  const visible = matches ? new Set([...matches, ...ancestorsOf(categories, matches)]) : null;
  const openCategories = matches
    ? ancestorsOf(categories, matches)
    : ancestorsOf(categories, activeCategories);

  const sortedTags = counts
    ? [...tags].sort((a, b) =>
      (counts.tags.get(b.id) ?? 0) - (counts.tags.get(a.id) ?? 0) || a.name.localeCompare(b.name)
    )
    : tags;
  const shownTags = allTags ? sortedTags : sortedTags.slice(0, TAGS_SHOWN);

  return (
    <nav class="source-panel" aria-label="Library">
      <section class="source">
        <h2 class="source__heading">Views</h2>
        <ul class="source__list" role="list">
          {VIEWS.map((v) => (
            <li key={v.view}>
              <a
                class="source__link"
                href={viewHref(v.view)}
                aria-current={view === v.view && params.size <= 1 ? "page" : undefined}
                data-view={v.view}
              >
                <Icon d={v.icon} />
                <span class="source__name">{v.label}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section class="source">
        <div class="source__header">
          <h2 class="source__heading" id="categories-heading">Categories</h2>
          <button
            type="button"
            class="button button--small source__manage"
            onClick={() => setManaging(true)}
            disabled={!hydrated}
          >
            Manage
          </button>
        </div>
        {categories.length > 6 && (
          <input
            type="search"
            class="input input--small source__filter"
            placeholder="Find a category"
            aria-label="Find a category"
            value={filter}
            onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
            disabled={!hydrated}
          />
        )}
        {categories.length === 0
          ? <p class="source__empty">No categories yet. Documents get them when they are filed.</p>
          : (
            <div aria-labelledby="categories-heading">
              <Tree
                nodes={categories}
                parent={null}
                href={(c) => withParam(params, "category", c.id)}
                active={activeCategories}
                open={openCategories}
                counts={counts?.categories ?? null}
                visible={visible}
                label={(c) => c.name}
              />
              {matches?.size === 0 && <p class="source__empty">No category matches “{filter}”.</p>}
            </div>
          )}
      </section>

      <section class="source">
        <h2 class="source__heading">Tags</h2>
        {tags.length === 0 ? <p class="source__empty">No tags yet.</p> : (
          <>
            <ul class="tag-cloud" role="list">
              {shownTags.map((tag) => (
                <li key={tag.id}>
                  <a
                    class="tag-link"
                    href={withValue(params, "tag", tag.id)}
                    aria-current={activeTags.has(tag.id) ? "true" : undefined}
                  >
                    #{tag.name}
                    {counts && <span class="tag-link__count">{counts.tags.get(tag.id) ?? 0}</span>}
                  </a>
                </li>
              ))}
            </ul>
            {tags.length > TAGS_SHOWN && hydrated && (
              <button
                type="button"
                class="link-button"
                onClick={() => setAllTags(!allTags)}
              >
                {allTags ? "Show fewer" : `Show all ${tags.length} tags`}
              </button>
            )}
          </>
        )}
      </section>

      <section class="source">
        <h2 class="source__heading">Folders</h2>
        {folders.length === 0 ? <p class="source__empty">No folders yet.</p> : (
          <Tree
            nodes={folders}
            parent={null}
            href={(f) => withParam(params, "folder", f.id)}
            active={activeFolders}
            open={ancestorsOf(folders, activeFolders)}
            counts={counts?.folders ?? null}
            visible={null}
            label={(f) => f.name}
          />
        )}
      </section>
      {managing && (
        <ManageCategoriesDialog
          isAdmin={isAdmin}
          onClose={() => {
            setManaging(false);
            // The tree's names come from the server: show the new ones.
            if (changedCategories) location.reload();
          }}
          onChanged={() => setChangedCategories(true)}
        />
      )}
    </nav>
  );
}
