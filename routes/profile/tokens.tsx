import { renderProfile } from "../../components/profile/render_profile.tsx";
import { NewTokenPage } from "../../components/profile/SecretPages.tsx";
import { handleForm } from "../../lib/app/forms.ts";
import { renderPage } from "../../lib/app/render.tsx";
import { defineHandlers } from "../../lib/app/routing.ts";
import { createApiToken } from "../../lib/auth/api_tokens_service.ts";
import { createApiTokenSchema } from "../../lib/auth/auth_schemas.ts";
import { client } from "../../lib/auth/auth_http.ts";
import { requireUser } from "../../lib/auth/auth_middleware.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user } = requireUser(c);
    const { deps } = c.var;
    return await handleForm(
      c,
      createApiTokenSchema,
      async (input) => {
        const { token, api_token } = await createApiToken({
          deps,
          userId: user.id,
          input,
          client: client(c),
        });
        return renderPage(
          c,
          <NewTokenPage token={token} name={api_token.name} publicUrl={deps.config.publicUrl} />,
          { title: "Your new API token", status: 201 },
        );
      },
      (state, status) => renderProfile(c, { forms: { tokens: state }, status }),
    );
  },
});
