/**
 * The client's IP address and user agent, for audit entries, session lists and
 * per-IP rate limits. Behind a reverse proxy (TRUST_PROXY=true) the address comes from
 * the last hop the proxy added to X-Forwarded-For; otherwise from the socket.
 */
import type { Context } from "hono";
import type { ClientInfo } from "../audit/audit_service.ts";

export function clientInfo(c: Context, trustProxy: boolean): ClientInfo {
  const userAgent = c.req.header("user-agent")?.slice(0, 512) ?? null;
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(
      Boolean,
    );
    const ip = forwarded?.at(-1);
    if (ip && /^[0-9a-fA-F.:]{2,45}$/.test(ip)) return { ip, userAgent };
  }
  const info = c.env as { remoteAddr?: { hostname?: string } } | undefined;
  return { ip: info?.remoteAddr?.hostname ?? null, userAgent };
}
