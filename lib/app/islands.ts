/**
 * Islands, the Fresh way. Pages import island components like any other component.
 * On the server, a Preact `options.vnode` hook recognises registered islands and wraps
 * each in a `<dv-island>` element that carries the island's name, its bundle URL and its
 * JSON-serialised props, around the normal server-rendered markup. In the browser, the
 * reviver (lib/app/client/reviver.ts) finds those elements and hydrates each one.
 * Everything else on a page stays plain HTML.
 */
import { type ComponentType, h, options, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/** The element islands are wrapped in; `display: contents` keeps it out of the layout. */
export const ISLAND_TAG = "dv-island";

// deno-lint-ignore no-explicit-any
type AnyComponent = ComponentType<any>;

const islandNames = new Map<AnyComponent, string>();
let bypass = false;
let currentRender: { bundles: Record<string, string>; used: Set<string> } | null = null;

interface MarkerProps {
  name: string;
  component: AnyComponent;
  islandProps: Record<string, unknown>;
}

function serialiseProps(name: string, props: Record<string, unknown>): string {
  return JSON.stringify(props, (key, value) => {
    if (typeof value === "function" || (value && typeof value === "object" && "__k" in value)) {
      throw new Error(
        `Island ${name}: prop "${key}" is not JSON-serialisable (functions and JSX cannot ` +
          "cross to the browser).",
      );
    }
    return value;
  });
}

function IslandMarker({ name, component, islandProps }: MarkerProps): VNode {
  if (!currentRender) throw new Error(`Island ${name} rendered outside renderDocument()`);
  const src = currentRender.bundles[name];
  if (!src) throw new Error(`Island ${name} has no bundle; run \`deno task build\``);
  currentRender.used.add(name);
  bypass = true;
  const inner = h(component, islandProps);
  bypass = false;
  const attributes: Record<string, string> = {
    "data-island": name,
    "data-src": src,
    "data-props": serialiseProps(name, islandProps),
  };
  return h(ISLAND_TAG, attributes, inner);
}

let hookInstalled = false;

function installHook() {
  if (hookInstalled) return;
  hookInstalled = true;
  const previous = options.vnode;
  options.vnode = (vnode) => {
    const name = typeof vnode.type === "function" ? islandNames.get(vnode.type) : undefined;
    if (name && !bypass) {
      const islandProps = vnode.props as Record<string, unknown>;
      // deno-lint-ignore no-explicit-any
      (vnode as any).props = {
        name,
        component: vnode.type as AnyComponent,
        islandProps,
      } satisfies MarkerProps;
      // deno-lint-ignore no-explicit-any
      (vnode as any).type = IslandMarker;
    }
    previous?.(vnode);
  };
}

/** Make these components islands (called once with the generated manifest). */
export function registerIslands(islands: Record<string, AnyComponent>): void {
  installHook();
  for (const [name, component] of Object.entries(islands)) islandNames.set(component, name);
}

/**
 * Render a whole document. `bundles` maps island names to their built bundle URLs.
 * Returns the HTML and the islands the page used (so the caller can add the reviver).
 */
export function renderDocument(
  vnode: VNode,
  bundles: Record<string, string>,
): { html: string; islands: Set<string> } {
  const used = new Set<string>();
  currentRender = { bundles, used };
  try {
    return { html: renderToString(vnode), islands: used };
  } finally {
    currentRender = null;
    bypass = false;
  }
}

/** Islands used so far in the document being rendered (for the scripts at the end of body). */
export function islandsUsedSoFar(): ReadonlySet<string> {
  return currentRender?.used ?? new Set();
}
