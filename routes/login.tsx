import { LoginPage, SecondStepPage } from "../components/auth/AuthPages.tsx";
import { EMPTY_FORM, handleForm } from "../lib/app/forms.ts";
import { renderPage } from "../lib/app/render.tsx";
import { type AppContext, defineHandlers } from "../lib/app/routing.ts";
import { loginSchema, nextPathSchema } from "../lib/auth/auth_schemas.ts";
import { client, signInCookies } from "../lib/auth/auth_http.ts";
import { signIn } from "../lib/auth/auth_service.ts";
import { cachedRegistrationMode } from "../lib/settings/registration_mode.ts";

const NOTICES: Record<string, string> = {
  signed_out: "You are signed out.",
  session_expired: "Your sign-in took too long. Please start again.",
};

function next(c: AppContext) {
  return nextPathSchema.parse(c.req.query("next"));
}

export const handler = defineHandlers({
  GET(c) {
    if (c.var.auth) return c.redirect(next(c), 303);
    return renderPage(
      c,
      <LoginPage
        state={EMPTY_FORM}
        next={next(c)}
        registrationOpen={cachedRegistrationMode(c.var.deps) === "open"}
        notice={NOTICES[c.req.query("notice") ?? ""]}
      />,
      { title: "Sign in" },
    );
  },
  async POST(c) {
    const registrationOpen = cachedRegistrationMode(c.var.deps) === "open";
    return await handleForm(
      c,
      loginSchema,
      async (input) => {
        const result = await signIn({ deps: c.var.deps, ...input, client: client(c) });
        if (result.kind === "mfa_required") {
          return renderPage(
            c,
            <SecondStepPage state={EMPTY_FORM} next={next(c)} mfaToken={result.mfaToken} />,
            { title: "Two-factor authentication" },
          );
        }
        signInCookies(c, result.user, result.session);
        return c.redirect(next(c), 303);
      },
      (state, status) =>
        renderPage(
          c,
          <LoginPage state={state} next={next(c)} registrationOpen={registrationOpen} />,
          {
            title: "Sign in",
            status,
          },
        ),
    );
  },
});
