import {
  assert,
  assertEquals,
  assertMatch,
  assertStringIncludes,
  assertThrows,
} from "../shared/assert.ts";
import { registerIslands, renderDocument } from "./islands.ts";

function Counter({ start, label }: { start: number; label: string }) {
  return <button type="button">{label}: {start}</button>;
}
function Plain() {
  return <p>static</p>;
}

registerIslands({ Counter });
const bundles = { Counter: "/static/build/Counter-ABC.js" };

Deno.test("islands - an island is marked with its name, bundle and props around its HTML", () => {
  const { html, islands } = renderDocument(
    <main>
      <Counter start={3} label="Clicks" />
    </main>,
    bundles,
  );
  assertEquals([...islands], ["Counter"]);
  assertStringIncludes(html, 'data-island="Counter"');
  assertStringIncludes(html, 'data-src="/static/build/Counter-ABC.js"');
  assertStringIncludes(
    html,
    'data-props="{&quot;start&quot;:3,&quot;label&quot;:&quot;Clicks&quot;}"',
  );
  assertMatch(html, /<dv-island[^>]*><button type="button">Clicks: 3<\/button><\/dv-island>/);
});

Deno.test("islands - props that try to break out of the attribute are escaped", () => {
  const { html } = renderDocument(
    <Counter start={1} label='"><script>alert(1)</script>' />,
    bundles,
  );
  assert(!html.includes("<script>"), "no script element is injected");
});

Deno.test("islands - a page without islands uses none", () => {
  const { islands } = renderDocument(<Plain />, bundles);
  assertEquals(islands.size, 0);
});

Deno.test("islands - props that cannot cross to the browser are refused", () => {
  const Bad = ({ onPick }: { onPick: () => void }) => (
    <button type="button" onClick={onPick}>x</button>
  );
  registerIslands({ Bad });
  assertThrows(() => renderDocument(<Bad onPick={() => {}} />, { Bad: "/b.js" }));
});
