/** The user's active sessions as the profile page and the API show them. */
import type { Deps } from "../app/deps.ts";
import { createSessionsRepo } from "./sessions_repo.ts";
import { describeUserAgent } from "./user_agent.ts";

export interface PublicSession {
  id: string;
  device: string;
  user_agent: string | null;
  ip: string | null;
  created_at: string;
  last_used_at: string;
  current: boolean;
}

export async function listSessions(
  deps: Deps,
  userId: string,
  currentSessionId: string | null,
): Promise<PublicSession[]> {
  const rows = await createSessionsRepo(deps.db).listActive(userId, deps.clock.now());
  return rows.map((row) => ({
    id: row.id,
    device: describeUserAgent(row.user_agent),
    user_agent: row.user_agent,
    ip: row.ip,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at.toISOString(),
    current: row.id === currentSessionId,
  })).sort((a, b) => Number(b.current) - Number(a.current));
}
