/**
 * Browser side of the islands mechanism: find every server-marked `<dv-island>`, load
 * its bundle and hydrate it with its serialised props. Nothing else on the page runs
 * JavaScript. Built by esbuild into static/build/ (see lib/app/assets.ts).
 */
import { type ComponentType, h, hydrate } from "preact";

async function revive(element: HTMLElement): Promise<void> {
  const src = element.dataset.src;
  if (!src) return;
  const module: { default: ComponentType<Record<string, unknown>> } = await import(src);
  const props = JSON.parse(element.dataset.props ?? "{}");
  hydrate(h(module.default, props), element);
  element.dataset.hydrated = "true";
}

for (const element of document.querySelectorAll<HTMLElement>("dv-island")) {
  revive(element).catch((error) => reportError(error));
}
