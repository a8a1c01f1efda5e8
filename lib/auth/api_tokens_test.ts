import { sql } from "kysely";
import { call, createTestApp, createTestClient, createTestDeps } from "../app/testing.ts";
import { assert, assertEquals, assertMatch } from "../shared/assert.ts";
import { createAuthClock, errorOf, registerAccount } from "./auth_testing.ts";
import { sha256Hex } from "./tokens.ts";

const DAY_MS = 24 * 60 * 60_000;

Deno.test("api tokens - personal tokens for scripts", async (t) => {
  const clock = createAuthClock();
  await using deps = await createTestDeps({ clock });
  const app = await createTestApp(deps);
  const ada = createTestClient(app);
  const eve = createTestClient(app);
  const adaAccount = await registerAccount(ada, "ada@example.com");
  await registerAccount(eve, "eve@example.com");
  const create = async (client: typeof ada, json: Record<string, unknown>) => {
    const res = await client.call("/api/users/me/tokens", { method: "POST", json });
    assertEquals(res.status, 201, await res.clone().text());
    return await res.json() as {
      token: string;
      api_token: { id: string; prefix: string; expires_at: string };
    };
  };
  const asBearer = (token: string, path = "/api/users/me") =>
    call(app, path, { headers: { authorization: `Bearer ${token}` } });
  let adaToken = { token: "", id: "" };
  let eveToken = { token: "", id: "" };

  await t.step("a new token is dv_ + 43 characters, shown once, stored hashed", async () => {
    const created = await create(ada, { name: "backup script" });
    adaToken = { token: created.token, id: created.api_token.id };
    assertMatch(created.token, /^dv_[A-Za-z0-9_-]{43}$/);
    assertEquals(created.api_token.prefix, created.token.slice(0, 10));
    const rows = await sql<{ token_hash: string; dump: string }>`
      select token_hash, row_to_json(t)::text as dump from api_tokens t`.execute(deps.db);
    assertEquals(rows.rows.length, 1);
    assertEquals(rows.rows[0].token_hash, await sha256Hex(created.token));
    assert(!rows.rows[0].dump.includes(created.token.slice(10)), "the secret part is not stored");
    const list = await (await ada.call("/api/users/me/tokens")).json();
    assertEquals(list.tokens.length, 1);
    assert(!JSON.stringify(list).includes(created.token), "the list never shows the token");
  });

  await t.step("the token authenticates as its owner, and records its use", async () => {
    const res = await asBearer(adaToken.token);
    assertEquals(res.status, 200);
    assertEquals((await res.json()).email, adaAccount.email);
    const list = await (await ada.call("/api/users/me/tokens")).json();
    assertEquals(list.tokens[0].last_used_at, clock.now().toISOString());
  });

  await t.step("tokens are scoped to their user", async () => {
    const created = await create(eve, { name: "eve's" });
    eveToken = { token: created.token, id: created.api_token.id };
    const mine = await (await asBearer(adaToken.token, "/api/users/me/tokens")).json();
    assertEquals(mine.tokens.map((t: { id: string }) => t.id), [adaToken.id]);
    const hers = await (await asBearer(eveToken.token)).json();
    assertEquals(hers.email, "eve@example.com");
  });

  await t.step(
    "another user's token id is 404 on DELETE, and the token keeps working",
    async () => {
      const res = await ada.call(`/api/users/me/tokens/${eveToken.id}`, { method: "DELETE" });
      assertEquals((await errorOf(res)).status, 404);
      const byToken = await call(app, `/api/users/me/tokens/${eveToken.id}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${adaToken.token}` },
      });
      assertEquals(byToken.status, 404);
      assertEquals((await asBearer(eveToken.token)).status, 200);
    },
  );

  await t.step("a revoked token is 401 at once, and gone from the list", async () => {
    const res = await eve.call(`/api/users/me/tokens/${eveToken.id}`, { method: "DELETE" });
    assertEquals(res.status, 204);
    assertEquals((await errorOf(await asBearer(eveToken.token))).status, 401);
    const list = await (await eve.call("/api/users/me/tokens")).json();
    assertEquals(list.tokens, []);
    const again = await eve.call(`/api/users/me/tokens/${eveToken.id}`, { method: "DELETE" });
    assertEquals(again.status, 404);
  });

  await t.step("a token with an expiry is 401 once it has passed", async () => {
    const created = await create(ada, { name: "one day", expires_in_days: 1 });
    assertEquals(
      new Date(created.api_token.expires_at).getTime(),
      clock.now().getTime() + DAY_MS,
    );
    assertEquals((await asBearer(created.token)).status, 200);
    clock.advance(DAY_MS + 1_000);
    assertEquals((await asBearer(created.token)).status, 401);
    assertEquals((await asBearer(adaToken.token)).status, 200, "tokens without expiry live on");
  });

  await t.step("unknown, malformed and empty bearer tokens are 401", async () => {
    const unknown = `dv_${"A".repeat(43)}`;
    for (const header of [`Bearer ${unknown}`, "Bearer dv_short", "Bearer ", "Basic abc"]) {
      const res = await call(app, "/api/users/me", { headers: { authorization: header } });
      assertEquals(res.status, 401, header);
    }
  });

  await t.step(
    "a bearer token wins over cookies: a bad one is 401 even when signed in",
    async () => {
      const res = await ada.call("/api/users/me", {
        headers: { authorization: `Bearer dv_${"B".repeat(43)}` },
      });
      assertEquals(res.status, 401);
    },
  );

  await t.step("names are 1–100 characters and expiry 1–3650 days", async () => {
    for (
      const json of [{ name: "" }, { name: "x".repeat(101) }, {
        name: "n",
        expires_in_days: 0,
      }]
    ) {
      const res = await ada.call("/api/users/me/tokens", { method: "POST", json });
      assertEquals(res.status, 422, JSON.stringify(json));
    }
  });
});
