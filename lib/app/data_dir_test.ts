import { assert, assertEquals, assertInstanceOf, assertStringIncludes } from "../shared/assert.ts";
import { acquireLock, DataDirLockedError, loadOrCreateSecret } from "./data_dir.ts";

Deno.test("data dir - a second holder of the lock is refused with a clear message", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const first = await acquireLock(`${dir}/db.lock`, "embedded database");
    let error: unknown;
    try {
      await acquireLock(`${dir}/db.lock`, "embedded database");
    } catch (e) {
      error = e;
    }
    assertInstanceOf(error, DataDirLockedError);
    assertStringIncludes(error.message, "DocuVault is already running on this data dir");
    first.release();
    const again = await acquireLock(`${dir}/db.lock`, "embedded database");
    again.release();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("data dir - the lock is held across processes", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const lock = await acquireLock(`${dir}/db.lock`, "embedded database");
    const script = `
      import { acquireLock } from "${new URL("./data_dir.ts", import.meta.url)}";
      try { await acquireLock("${dir}/db.lock", "embedded database"); console.log("acquired"); }
      catch (e) { console.log(e.message); }`;
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["eval", script],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assertStringIncludes(new TextDecoder().decode(out.stdout), "already running on this data dir");
    lock.release();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("data dir - a secret is generated once, kept 0600, and read back", async () => {
  const dir = await Deno.makeTempDir();
  try {
    let calls = 0;
    const generate = () => `secret-${++calls}`;
    const first = await loadOrCreateSecret(`${dir}/secrets/a.key`, generate);
    const second = await loadOrCreateSecret(`${dir}/secrets/a.key`, generate);
    assertEquals(first, { value: "secret-1", created: true });
    assertEquals(second, { value: "secret-1", created: false });
    const mode = (await Deno.stat(`${dir}/secrets/a.key`)).mode! & 0o777;
    assertEquals(mode, 0o600);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("data dir - concurrent first starts agree on one secret", async () => {
  const dir = await Deno.makeTempDir();
  try {
    // Many rounds: a file visible before its value is written is read empty only now and then.
    for (let round = 0; round < 50; round++) {
      const results = await Promise.all(
        Array.from(
          { length: 8 },
          (_, i) => loadOrCreateSecret(`${dir}/${round}.key`, () => `v${i}`),
        ),
      );
      const values = new Set(results.map((r) => r.value));
      assertEquals(values.size, 1, `round ${round}: ${[...values]}`);
      assertEquals(results.filter((r) => r.created).length, 1);
      assert([...values][0].startsWith("v"));
    }
    assertEquals((await Array.fromAsync(Deno.readDir(dir))).length, 50, "no drafts left");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("data dir - without hard links, a secret is still created once", async () => {
  const dir = await Deno.makeTempDir();
  const link = Deno.link;
  // As on a network share that refuses hard links.
  Object.assign(Deno, {
    link: () => Promise.reject(new Deno.errors.NotSupported("hard links are not supported")),
  });
  try {
    const first = await loadOrCreateSecret(`${dir}/s.key`, () => "first");
    const second = await loadOrCreateSecret(`${dir}/s.key`, () => "second");
    assertEquals(first, { value: "first", created: true });
    assertEquals(second, { value: "first", created: false });
    assertEquals(await Deno.readTextFile(`${dir}/s.key`), "first\n");
    assertEquals((await Array.fromAsync(Deno.readDir(dir))).map((e) => e.name), ["s.key"]);
  } finally {
    Object.assign(Deno, { link });
    await Deno.remove(dir, { recursive: true });
  }
});
