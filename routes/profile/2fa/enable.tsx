import { BackupCodesPage, TwoFactorSetupPage } from "../../../components/profile/SecretPages.tsx";
import { handleForm } from "../../../lib/app/forms.ts";
import { renderPage } from "../../../lib/app/render.tsx";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { enableTwoFactorSchema } from "../../../lib/auth/auth_schemas.ts";
import { client } from "../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../lib/auth/auth_middleware.ts";
import { enableTwoFactor, pendingTwoFactorSetup } from "../../../lib/auth/two_factor_service.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user, sessionId } = requireUser(c);
    const { deps } = c.var;
    return await handleForm(
      c,
      enableTwoFactorSchema,
      async ({ code }) => {
        const { backup_codes } = await enableTwoFactor({
          deps,
          user,
          code,
          sessionId,
          client: client(c),
        });
        return renderPage(c, <BackupCodesPage codes={backup_codes} fresh />, {
          title: "Save your backup codes",
        });
      },
      async (state, status) => {
        const pending = await pendingTwoFactorSetup({ deps, user });
        if (!pending) return c.redirect("/profile#two-factor", 303);
        return renderPage(
          c,
          <TwoFactorSetupPage secret={pending.secret} qrSvg={pending.qr_svg} state={state} />,
          { title: "Set up two-factor authentication", status },
        );
      },
    );
  },
});
