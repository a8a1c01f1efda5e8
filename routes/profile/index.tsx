import { PROFILE_NOTICES, renderProfile } from "../../components/profile/render_profile.tsx";
import { defineHandlers } from "../../lib/app/routing.ts";

export const handler = defineHandlers({
  GET(c) {
    return renderProfile(c, { notice: PROFILE_NOTICES[c.req.query("notice") ?? ""] });
  },
});
