import { RegisterPage } from "../components/auth/AuthPages.tsx";
import { EMPTY_FORM, handleForm } from "../lib/app/forms.ts";
import { renderPage } from "../lib/app/render.tsx";
import { type AppContext, defineHandlers } from "../lib/app/routing.ts";
import { nextPathSchema, registerSchema } from "../lib/auth/auth_schemas.ts";
import { client, signInCookies } from "../lib/auth/auth_http.ts";
import { registerAccount } from "../lib/auth/auth_service.ts";
import { NotFoundError } from "../lib/shared/errors.ts";

function next(c: AppContext) {
  return nextPathSchema.parse(c.req.query("next"));
}

function assertOpen(c: AppContext) {
  // Closed registration hides the page altogether.
  if (c.var.deps.config.registration === "closed") throw new NotFoundError();
}

export const handler = defineHandlers({
  GET(c) {
    assertOpen(c);
    if (c.var.auth) return c.redirect(next(c), 303);
    return renderPage(c, <RegisterPage state={EMPTY_FORM} next={next(c)} />, {
      title: "Create account",
    });
  },
  async POST(c) {
    assertOpen(c);
    return await handleForm(
      c,
      registerSchema,
      async (input) => {
        const { user, session } = await registerAccount({
          deps: c.var.deps,
          input,
          client: client(c),
        });
        signInCookies(c, user, session);
        return c.redirect(next(c), 303);
      },
      (state, status) =>
        renderPage(c, <RegisterPage state={state} next={next(c)} />, {
          title: "Create account",
          status,
        }),
    );
  },
});
