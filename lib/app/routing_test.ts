import { assertEquals, assertThrows } from "../shared/assert.ts";
import { routeEntries, routePattern } from "./routing.ts";

Deno.test("routing - file paths map to URL patterns", async (t) => {
  const cases: [string, string][] = [
    ["index.tsx", "/"],
    ["health.ts", "/health"],
    ["api/preferences.ts", "/api/preferences"],
    ["documents/index.tsx", "/documents"],
    ["documents/[id].tsx", "/documents/:id"],
    ["api/documents/[id]/confirm.ts", "/api/documents/:id/confirm"],
    ["files/[...key].ts", "/files/:key{.+}"],
  ];
  for (const [file, pattern] of cases) {
    await t.step(`${file} → ${pattern}`, () => assertEquals(routePattern(file), pattern));
  }
});

Deno.test("routing - invalid segments are refused at start-up", () => {
  assertThrows(() => routePattern("api/Bad Name.ts"));
  assertThrows(() => routePattern("api/[id-x].ts"));
});

Deno.test("routing - static routes win over parameters, parameters over catch-alls", () => {
  const module = { handler: {} };
  const order = routeEntries({
    "files/[...key].ts": module,
    "documents/[id].tsx": module,
    "documents/new.tsx": module,
    "documents/index.tsx": module,
    "_app.tsx": module,
    "api/_middleware.ts": module,
  }).map((e) => e.pattern);
  assertEquals(order, ["/documents", "/documents/new", "/documents/:id", "/files/:key{.+}"]);
});
