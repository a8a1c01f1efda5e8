import { SecondStepPage } from "../../components/auth/AuthPages.tsx";
import { handleForm } from "../../lib/app/forms.ts";
import { renderPage } from "../../lib/app/render.tsx";
import { type AppContext, defineHandlers } from "../../lib/app/routing.ts";
import { loginSecondStepFormSchema, nextPathSchema } from "../../lib/auth/auth_schemas.ts";
import { client, signInCookies } from "../../lib/auth/auth_http.ts";
import { completeSignIn } from "../../lib/auth/auth_service.ts";

function next(c: AppContext) {
  return nextPathSchema.parse(c.req.query("next"));
}

/** The second sign-in step, posted from the page the first step rendered. */
export const handler = defineHandlers({
  async POST(c) {
    let mfaToken = "";
    return await handleForm(
      c,
      loginSecondStepFormSchema,
      async (input) => {
        mfaToken = input.mfa_token;
        const { user, session } = await completeSignIn({
          deps: c.var.deps,
          mfaToken: input.mfa_token,
          code: input.code,
          client: client(c),
        });
        signInCookies(c, user, session);
        return c.redirect(next(c), 303);
      },
      async (state, status) => {
        mfaToken ||= (await c.req.parseBody()).mfa_token as string ?? "";
        // An expired first step cannot be retried: back to the start.
        if (!mfaToken || !(await c.var.deps.jwt.verifyMfa(mfaToken))) {
          return c.redirect("/login?notice=session_expired", 303);
        }
        return renderPage(
          c,
          <SecondStepPage state={state} next={next(c)} mfaToken={mfaToken} />,
          { title: "Two-factor authentication", status },
        );
      },
    );
  },
});
