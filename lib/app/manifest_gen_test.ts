import { assertEquals } from "../shared/assert.ts";
import { generateManifest, MANIFEST_PATH } from "./manifest_gen.ts";

Deno.test("manifest - manifest.gen.ts lists every route and island (run `deno task build`)", async () => {
  assertEquals(await Deno.readTextFile(MANIFEST_PATH), await generateManifest());
});
