import denoConfig from "../../deno.json" with { type: "json" };
import { assertEquals } from "../shared/assert.ts";
import { PROJECT_ROOT } from "./assets.ts";
import { SERVER_PERMISSIONS } from "./process.ts";

const flagsIn = (text: string) => text.match(/--allow-[a-z]+/g) ?? [];

Deno.test("process - the start, dev and worker tasks run with SERVER_PERMISSIONS", () => {
  for (const task of ["start", "dev", "worker"] as const) {
    assertEquals(
      flagsIn(denoConfig.tasks[task]),
      [...SERVER_PERMISSIONS],
      `deno.json task "${task}"`,
    );
  }
});

Deno.test("process - the container runs the app and the worker with SERVER_PERMISSIONS", async () => {
  const dockerfile = await Deno.readTextFile(`${PROJECT_ROOT}/Dockerfile`);
  const cmd = dockerfile.split("\n").find((line) => line.startsWith("CMD "))!;
  assertEquals(flagsIn(cmd), [...SERVER_PERMISSIONS], "Dockerfile CMD");
  assertEquals(cmd.includes('"main.ts"'), true);

  const compose = await Deno.readTextFile(`${PROJECT_ROOT}/compose.yaml`);
  // The worker service: from its key to the next service key (two-space indent).
  const start = compose.indexOf("\n  worker:\n");
  const end = compose.slice(start + 1).search(/\n {2}[a-z-]+:\n(?! {4}condition)/) + start + 1;
  const worker = compose.slice(start, end);
  assertEquals(flagsIn(worker), [...SERVER_PERMISSIONS], "compose worker command");
  assertEquals(worker.includes("workers/main.ts"), true);
});
