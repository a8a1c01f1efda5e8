import { renderProfile } from "../../../components/profile/render_profile.tsx";
import { BackupCodesPage } from "../../../components/profile/SecretPages.tsx";
import { handleForm } from "../../../lib/app/forms.ts";
import { renderPage } from "../../../lib/app/render.tsx";
import { defineHandlers } from "../../../lib/app/routing.ts";
import { regenerateBackupCodesSchema } from "../../../lib/auth/auth_schemas.ts";
import { client } from "../../../lib/auth/auth_http.ts";
import { requireUser } from "../../../lib/auth/auth_middleware.ts";
import { regenerateBackupCodes } from "../../../lib/auth/two_factor_service.ts";

export const handler = defineHandlers({
  async POST(c) {
    const { user } = requireUser(c);
    return await handleForm(
      c,
      regenerateBackupCodesSchema,
      async ({ password }) => {
        const { backup_codes } = await regenerateBackupCodes({
          deps: c.var.deps,
          user,
          password,
          client: client(c),
        });
        return renderPage(c, <BackupCodesPage codes={backup_codes} fresh={false} />, {
          title: "Your new backup codes",
        });
      },
      (state, status) => renderProfile(c, { forms: { backup_codes: state }, status }),
    );
  },
});
