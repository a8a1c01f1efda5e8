/** The administration page: services and their state, for administrators only. */
import { createTestApp, createTestClient, createTestDeps } from "../lib/app/testing.ts";
import { registerAccount, signUpAdmin } from "../lib/auth/auth_testing.ts";
import { setSetting } from "../lib/settings/settings_service.ts";
import { assert, assertEquals, assertStringIncludes } from "../lib/shared/assert.ts";

Deno.test("admin page - services for an administrator, 404 for anyone else", async (t) => {
  await using deps = await createTestDeps();
  const app = await createTestApp(deps);
  const user = createTestClient(app);
  await registerAccount(user, "user@example.com");
  const { client: root } = await signUpAdmin(app, deps);

  await t.step("a user who is not an admin finds nothing there, nor a link to it", async () => {
    assertEquals((await user.call("/admin")).status, 404);
    assertEquals((await user.call("/admin/health")).status, 404);
    const documents = await (await user.call("/documents")).text();
    assert(!documents.includes('href="/admin'));
  });

  await t.step("an admin sees each service working, and the way there", async () => {
    const documents = await (await root.call("/documents")).text();
    assertStringIncludes(documents, 'href="/admin/health"');
    const start = await root.call("/admin");
    assertEquals(start.status, 303);
    assertEquals(start.headers.get("location"), "/admin/health");
    const response = await root.call("/admin/health");
    assertEquals(response.status, 200);
    const html = await response.text();
    assertStringIncludes(html, "Every service is working.");
    for (const name of ["Database", "Storage", "Job queue", "AI endpoint"]) {
      assertStringIncludes(html, `>${name}</h3>`);
    }
    assertStringIncludes(html, "Built-in classifier");
    assertEquals(html.match(/data-ok="true"/g)?.length, 4);
    assertStringIncludes(html, `DocuVault ${deps.version}, running for`);
    assertStringIncludes(html, "No job has failed for good.");
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
        const html = await (await root.call("/admin/health")).text();
        assertStringIncludes(html, "AI endpoint needs attention.");
        assertStringIncludes(html, `127.0.0.1:${port}/v1 · tiny`);
        assertStringIncludes(html, "Refuses the API key (HTTP 401).");
        assert(!html.includes("secret"), "no credentials on the page");
      } finally {
        await server.shutdown();
      }
    },
  );

  await t.step(
    "a failed job is listed and an admin retries it, by the page or the API",
    async () => {
      const insert = (error: string) =>
        deps.db.insertInto("jobs").values({
          kind: "test.nothing",
          status: "dead",
          attempts: 5,
          last_error: error,
          finished_at: new Date(),
        } as never).returning("id").executeTakeFirstOrThrow();
      const first = await insert("the endpoint said no");
      const second = await insert("still no");
      const html = await (await root.call("/admin/health")).text();
      assertStringIncludes(html, "the endpoint said no");
      assertStringIncludes(html, `action="/admin/health/jobs/${first.id}/retry"`);
      // Nobody else can retry it, by either way.
      assertEquals(
        (await user.call(`/admin/health/jobs/${first.id}/retry`, { method: "POST" })).status,
        404,
      );
      assertEquals(
        (await user.call(`/api/admin/jobs/${first.id}/retry`, { method: "POST" })).status,
        404,
      );
      const byForm = await root.call(`/admin/health/jobs/${first.id}/retry`, { method: "POST" });
      assertEquals(byForm.status, 303);
      assertEquals(byForm.headers.get("location"), "/admin/health?notice=job_retried");
      const byApi = await root.call(`/api/admin/jobs/${second.id}/retry`, { method: "POST" });
      assertEquals(byApi.status, 202);
      const jobs = await deps.db.selectFrom("jobs").select(["status", "attempts", "last_error"])
        .where("id", "in", [first.id, second.id]).execute();
      assertEquals(jobs, [
        { status: "queued", attempts: 0, last_error: null },
        { status: "queued", attempts: 0, last_error: null },
      ]);
      // Retried once: it is not dead any more.
      assertEquals(
        (await root.call(`/api/admin/jobs/${second.id}/retry`, { method: "POST" })).status,
        404,
      );
      const after = await (await root.call("/admin/health?notice=job_retried")).text();
      assertStringIncludes(after, "The job is queued again.");
      assertStringIncludes(after, "No job has failed for good.");
    },
  );
});
