import { RegisterPage } from "../components/auth/AuthPages.tsx";
import { EMPTY_FORM, handleForm } from "../lib/app/forms.ts";
import { renderPage } from "../lib/app/render.tsx";
import { type AppContext, defineHandlers } from "../lib/app/routing.ts";
import { nextPathSchema, registerSchema } from "../lib/auth/auth_schemas.ts";
import { client, signInCookies } from "../lib/auth/auth_http.ts";
import { registerAccount } from "../lib/auth/auth_service.ts";
import { registrationMode } from "../lib/settings/registration_mode.ts";
import { Layout } from "../components/Layout.tsx";

function next(c: AppContext) {
  return nextPathSchema.parse(c.req.query("next"));
}

/** What /register says while only administrators create accounts. */
function RegistrationClosedPage() {
  return (
    <Layout narrow>
      <div class="auth">
        <h1>Registration is closed</h1>
        <p>
          New accounts on this DocuVault are created by an administrator. Ask yours for one.
        </p>
        <p class="muted">
          Already have an account? <a href="/login">Sign in</a>
        </p>
      </div>
    </Layout>
  );
}

/** The "closed" page (404: there is no form here) when registration is closed, else null. */
async function closedPage(c: AppContext): Promise<Response | null> {
  if ((await registrationMode(c.var.deps)) === "open") return null;
  return renderPage(c, <RegistrationClosedPage />, {
    title: "Registration is closed",
    status: 404,
  });
}

export const handler = defineHandlers({
  async GET(c) {
    const closed = await closedPage(c);
    if (closed) return closed;
    if (c.var.auth) return c.redirect(next(c), 303);
    return renderPage(c, <RegisterPage state={EMPTY_FORM} next={next(c)} />, {
      title: "Create account",
    });
  },
  async POST(c) {
    const closed = await closedPage(c);
    if (closed) return closed;
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
