import { join } from "node:path";
import { assert, assertEquals, assertMatch } from "../shared/assert.ts";
import { buildAssets, buildStaleReason, PROJECT_ROOT } from "./assets.ts";

/** A tiny project (one island, the reviver, a stylesheet) to build in isolation. */
async function miniProject() {
  const root = await Deno.makeTempDir({ prefix: "docuvault-assets-" });
  await Deno.mkdir(join(root, "islands"));
  await Deno.mkdir(join(root, "static"));
  await Deno.mkdir(join(root, "lib/app/client"), { recursive: true });
  await Deno.copyFile(
    join(PROJECT_ROOT, "lib/app/client/reviver.ts"),
    join(root, "lib/app/client/reviver.ts"),
  );
  await Deno.writeTextFile(join(root, "static/styles.css"), "body { color: red; }\n");
  await Deno.writeTextFile(
    join(root, "islands/Hello.tsx"),
    'import { useState } from "preact/hooks";\nexport default function Hello() {\n  const [n] = useState(1);\n  return <b>{n}</b>;\n}\n',
  );
  await Deno.writeTextFile(join(root, "deno.lock"), "{}");
  await Deno.symlink(join(PROJECT_ROOT, "node_modules"), join(root, "node_modules"));
  return root;
}

Deno.test("assets - built once, current until a source changes, and hashed", async () => {
  const root = await miniProject();
  const buildDir = join(root, "static/build");
  try {
    assertEquals(await buildStaleReason(root, buildDir), "no build yet");
    const manifest = await buildAssets({ root, buildDir });
    assertMatch(manifest.islands.Hello, /^\/static\/build\/Hello-[A-Z0-9]{8}\.js$/);
    assertMatch(manifest.reviver, /^\/static\/build\/reviver-[A-Z0-9]{8}\.js$/);
    assertMatch(manifest.styles, /^\/static\/build\/styles-[A-Z0-9]{8}\.css$/);
    assertEquals(await buildStaleReason(root, buildDir), null);
    const css = await Deno.readTextFile(
      join(buildDir, manifest.styles.slice("/static/build/".length)),
    );
    assert(!css.includes("\n  "), "minified");

    await Deno.writeTextFile(join(root, "static/styles.css"), "body { color: blue; }\n");
    assertEquals(await buildStaleReason(root, buildDir), "static/styles.css changed");
    const rebuilt = await buildAssets({ root, buildDir });
    assert(rebuilt.styles !== manifest.styles, "a changed file gets a new name");

    await Deno.writeTextFile(
      join(root, "islands/Other.tsx"),
      "export default function Other() {\n  return <i />;\n}\n",
    );
    assertEquals(await buildStaleReason(root, buildDir), "the set of islands changed");
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
