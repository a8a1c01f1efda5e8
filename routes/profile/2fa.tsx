import { TwoFactorSetupPage } from "../../components/profile/SecretPages.tsx";
import { EMPTY_FORM } from "../../lib/app/forms.ts";
import { renderPage } from "../../lib/app/render.tsx";
import { defineHandlers } from "../../lib/app/routing.ts";
import { requireUser } from "../../lib/auth/auth_middleware.ts";
import { pendingTwoFactorSetup } from "../../lib/auth/two_factor_service.ts";

/** The enrolment in progress: QR code and key, and the confirmation form. */
export const handler = defineHandlers({
  async GET(c) {
    const { user } = requireUser(c);
    const pending = await pendingTwoFactorSetup({ deps: c.var.deps, user });
    if (!pending) return c.redirect("/profile#two-factor", 303);
    return renderPage(
      c,
      <TwoFactorSetupPage secret={pending.secret} qrSvg={pending.qr_svg} state={EMPTY_FORM} />,
      { title: "Set up two-factor authentication" },
    );
  },
});
