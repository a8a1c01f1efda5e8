/** Loads everything /profile shows and renders it (used by the page and its form posts). */
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { renderPage } from "../../lib/app/render.tsx";
import type { AppContext } from "../../lib/app/routing.ts";
import { listApiTokens } from "../../lib/auth/api_tokens_service.ts";
import { requireUser } from "../../lib/auth/auth_middleware.ts";
import { listSessions } from "../../lib/auth/sessions_view.ts";
import { getProfile, toPublicUser } from "../../lib/users/users_service.ts";
import { ProfilePage, type ProfileView } from "./ProfilePage.tsx";

/** Confirmation messages after a successful form post (`?notice=`). */
export const PROFILE_NOTICES: Record<string, string> = {
  personal_saved: "Your personal data is saved.",
  password_changed: "Your password is changed. Your other devices have been signed out.",
  "2fa_disabled": "Two-factor authentication is off. Your other devices have been signed out.",
  token_revoked: "The token is revoked: it no longer works.",
  session_revoked: "That device is signed out.",
  sessions_revoked: "You are signed out everywhere else.",
};

export async function renderProfile(
  c: AppContext,
  options: { forms?: ProfileView["forms"]; notice?: string; status?: ContentfulStatusCode } = {},
): Promise<Response> {
  const auth = requireUser(c);
  const { deps } = c.var;
  const view: ProfileView = {
    user: await toPublicUser(deps, auth.user),
    profile: await getProfile(deps, auth.user.id),
    tokens: await listApiTokens(deps, auth.user.id),
    sessions: await listSessions(deps, auth.user.id, auth.sessionId),
    notice: options.notice,
    forms: options.forms,
  };
  return renderPage(c, <ProfilePage view={view} path="/profile" />, {
    title: "Profile",
    status: options.status,
  });
}
