import { SetupPage } from "../components/auth/AuthPages.tsx";
import { EMPTY_FORM, handleForm } from "../lib/app/forms.ts";
import { renderPage } from "../lib/app/render.tsx";
import { defineHandlers } from "../lib/app/routing.ts";
import { setupSchema } from "../lib/auth/auth_schemas.ts";
import { client, signInCookies } from "../lib/auth/auth_http.ts";
import { isSetupOpen, setupFirstAdmin } from "../lib/auth/bootstrap_service.ts";
import { NotFoundError } from "../lib/shared/errors.ts";

/** First-run setup: exists only while there is no admin and a setup token is waiting. */
export const handler = defineHandlers({
  async GET(c) {
    if (!(await isSetupOpen(c.var.deps))) throw new NotFoundError();
    return renderPage(c, <SetupPage state={EMPTY_FORM} />, { title: "Set up DocuVault" });
  },
  async POST(c) {
    if (!(await isSetupOpen(c.var.deps))) throw new NotFoundError();
    return await handleForm(
      c,
      setupSchema,
      async (input) => {
        const { user, session } = await setupFirstAdmin({
          deps: c.var.deps,
          token: input.setup_token,
          email: input.email,
          password: input.password,
          fullName: input.full_name,
          client: client(c),
        });
        signInCookies(c, user, session);
        return c.redirect("/profile", 303);
      },
      (state, status) =>
        renderPage(c, <SetupPage state={state} />, { title: "Set up DocuVault", status }),
    );
  },
});
