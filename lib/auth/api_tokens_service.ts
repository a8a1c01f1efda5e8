/** Personal API tokens for scripts: `Authorization: Bearer dv_…`. Shown once, stored hashed. */
import type { z } from "zod";
import type { Deps } from "../app/deps.ts";
import { audit, type ClientInfo } from "../audit/audit_service.ts";
import { NotFoundError } from "../shared/errors.ts";
import type { createApiTokenSchema } from "./auth_schemas.ts";
import { type ApiTokenRow, createApiTokensRepo, type TokenUser } from "./api_tokens_repo.ts";
import { API_TOKEN_PATTERN, newApiToken, sha256Hex } from "./tokens.ts";

const DAY_MS = 24 * 60 * 60_000;
/** Record a token's last use at most this often (a write per request would be waste). */
const TOUCH_EVERY_MS = 60_000;

export interface PublicApiToken {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}

export function toPublicApiToken(row: ApiTokenRow): PublicApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
    expires_at: row.expires_at?.toISOString() ?? null,
  };
}

export async function createApiToken(
  { deps, userId, input, client }: {
    deps: Deps;
    userId: string;
    input: z.output<typeof createApiTokenSchema>;
    client: ClientInfo;
  },
): Promise<{ token: string; api_token: PublicApiToken }> {
  const now = deps.clock.now();
  const { token, prefix } = newApiToken();
  const row = await createApiTokensRepo(deps.db).create({
    userId,
    name: input.name,
    prefix,
    tokenHash: await sha256Hex(token),
    expiresAt: input.expires_in_days
      ? new Date(now.getTime() + input.expires_in_days * DAY_MS)
      : null,
    now,
  });
  await audit(deps, {
    event: "token_created",
    userId,
    resourceId: row.id,
    client,
    metadata: { name: row.name },
  });
  return { token, api_token: toPublicApiToken(row) };
}

export async function listApiTokens(deps: Deps, userId: string): Promise<PublicApiToken[]> {
  return (await createApiTokensRepo(deps.db).listForUser(userId)).map(toPublicApiToken);
}

export async function revokeApiToken(
  { deps, userId, tokenId, client }: {
    deps: Deps;
    userId: string;
    tokenId: string;
    client: ClientInfo;
  },
): Promise<void> {
  const row = await createApiTokensRepo(deps.db).revoke(userId, tokenId, deps.clock.now());
  if (!row) throw new NotFoundError("tokens.not_found", "No such token.");
  await audit(deps, {
    event: "token_revoked",
    userId,
    resourceId: row.id,
    client,
    metadata: { name: row.name },
  });
}

/** The user behind a bearer token, or null for anything invalid, expired or revoked. */
export async function authenticateApiToken(deps: Deps, token: string): Promise<TokenUser | null> {
  if (!API_TOKEN_PATTERN.test(token)) return null;
  const repo = createApiTokensRepo(deps.db);
  const now = deps.clock.now();
  const user = await repo.findUserByHash(await sha256Hex(token), now);
  if (!user) return null;
  if (
    !user.token_last_used_at || now.getTime() - user.token_last_used_at.getTime() > TOUCH_EVERY_MS
  ) {
    await repo.touch(user.api_token_id, now);
  }
  return user;
}
