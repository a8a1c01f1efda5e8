/** The administration page: services and their state, for administrators only. */
import { createTestApp, createTestClient, createTestDeps } from "../lib/app/testing.ts";
import { PASSWORD, registerAccount, signIn } from "../lib/auth/auth_testing.ts";
import { setSetting } from "../lib/settings/settings_service.ts";
import { assert, assertEquals, assertStringIncludes } from "../lib/shared/assert.ts";

Deno.test("admin page - services for an administrator, 404 for anyone else", async (t) => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const user = createTestClient(app);
  await registerAccount(user, "user@example.com");
  const rootAccount = await registerAccount(createTestClient(app), "root@example.com");
  await deps.db.updateTable("users").set({ role: "admin" }).where("id", "=", rootAccount.id)
    .execute();
  const root = createTestClient(app);
  await signIn(root, { ...rootAccount, password: PASSWORD });

  await t.step("a user who is not an admin finds nothing there, nor a link to it", async () => {
    assertEquals((await user.call("/admin")).status, 404);
    const documents = await (await user.call("/documents")).text();
    assert(!documents.includes('href="/admin"'));
  });

  await t.step("an admin sees each service working, and the way there", async () => {
    const documents = await (await root.call("/documents")).text();
    assertStringIncludes(documents, 'href="/admin"');
    const response = await root.call("/admin");
    assertEquals(response.status, 200);
    const html = await response.text();
    assertStringIncludes(html, "Every service is working.");
    for (const name of ["Database", "Storage", "Job queue", "AI endpoint"]) {
      assertStringIncludes(html, `>${name}</h3>`);
    }
    assertStringIncludes(html, "Built-in classifier");
    assertEquals(html.match(/data-ok="true"/g)?.length, 4);
  });

  await t.step(
    "an AI endpoint that does not answer is named as failing, without its key",
    async () => {
      const server = Deno.serve(
        { hostname: "127.0.0.1", port: 0, onListen: () => {} },
        () => new Response("nope", { status: 401 }),
      );
      try {
        const { port } = server.addr as Deno.NetAddr;
        await setSetting(deps, "ai_provider", {
          base_url: `http://user:secret@127.0.0.1:${port}/v1`,
          model: "tiny",
          api_key_encrypted: await deps.secrets.encryptor.encrypt("sk-very-secret"),
        }, null);
        const html = await (await root.call("/admin")).text();
        assertStringIncludes(html, "AI endpoint needs attention.");
        assertStringIncludes(html, `127.0.0.1:${port}/v1 · tiny`);
        assertStringIncludes(html, "Refuses the API key (HTTP 401).");
        assert(!html.includes("secret"), "no credentials on the page");
      } finally {
        await server.shutdown();
      }
    },
  );
});
