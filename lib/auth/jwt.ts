/**
 * Access tokens: EdDSA (Ed25519) JWTs signed with jose, 15 minutes, carrying the user
 * and the session id; `kid` names the key so keys can rotate (old public keys stay in
 * the keyring for verification). The second step of a 2FA sign-in uses a separate,
 * 5-minute token with its own audience, so neither can stand in for the other.
 */
import { createLocalJWKSet, importJWK, jwtVerify, SignJWT } from "jose";
import type { JwtKeyring } from "../app/secrets.ts";
import type { Clock } from "../shared/clock.ts";

export const ACCESS_TTL_SECONDS = 15 * 60;
export const MFA_TTL_SECONDS = 5 * 60;
const ACCESS_AUDIENCE = "docuvault:access";
const MFA_AUDIENCE = "docuvault:mfa";

export interface AccessClaims {
  userId: string;
  sessionId: string;
  /** When the token expires (known after verification). */
  expiresAt: Date;
}

export interface JwtService {
  signAccess(
    claims: { userId: string; sessionId: string },
  ): Promise<{ token: string; expiresAt: Date }>;
  /** The claims of a valid access token, or null (bad signature, expired, wrong kind). */
  verifyAccess(token: string): Promise<AccessClaims | null>;
  signMfa(userId: string): Promise<string>;
  verifyMfa(token: string): Promise<{ userId: string } | null>;
}

export async function createJwtService(
  keyring: JwtKeyring,
  options: { issuer: string; clock: Clock },
): Promise<JwtService> {
  const privateKey = await importJWK(keyring.signing.jwk, "EdDSA");
  const keys = createLocalJWKSet({ keys: keyring.verifying });
  const { issuer, clock } = options;
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

  async function sign(
    subject: string,
    audience: string,
    ttl: number,
    extra: Record<string, string>,
  ) {
    const iat = nowSeconds();
    const token = await new SignJWT(extra)
      .setProtectedHeader({ alg: "EdDSA", kid: keyring.signing.kid, typ: "JWT" })
      .setSubject(subject)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .setJti(crypto.randomUUID())
      .sign(privateKey);
    return { token, expiresAt: new Date((iat + ttl) * 1000) };
  }

  async function verify(token: string, audience: string) {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer,
        audience,
        algorithms: ["EdDSA"],
        currentDate: clock.now(),
      });
      return payload;
    } catch {
      return null;
    }
  }

  return {
    signAccess: ({ userId, sessionId }) =>
      sign(userId, ACCESS_AUDIENCE, ACCESS_TTL_SECONDS, { sid: sessionId }),
    async verifyAccess(token) {
      const payload = await verify(token, ACCESS_AUDIENCE);
      if (!payload?.sub || typeof payload.sid !== "string" || typeof payload.exp !== "number") {
        return null;
      }
      return {
        userId: payload.sub,
        sessionId: payload.sid,
        expiresAt: new Date(payload.exp * 1000),
      };
    },
    async signMfa(userId) {
      return (await sign(userId, MFA_AUDIENCE, MFA_TTL_SECONDS, {})).token;
    },
    async verifyMfa(token) {
      const payload = await verify(token, MFA_AUDIENCE);
      return payload?.sub ? { userId: payload.sub } : null;
    },
  };
}
