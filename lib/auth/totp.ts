/**
 * TOTP (RFC 6238) through otpauth: SHA-1, 6 digits, 30-second steps, one step of drift
 * either way. `matchTotp` returns the time step a code belongs to, so the caller can
 * refuse any step at or before the last one used (no replays).
 */
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";

const PERIOD = 30;
const ISSUER = "DocuVault";

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totp(secret: string, label = "account") {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The time step (counter) the code matches within ±1 step of `now`, or null. */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const timestamp = now.getTime();
  const delta = totp(secret).validate({ token, timestamp, window: 1 });
  if (delta === null) return null;
  return Math.floor(timestamp / 1000 / PERIOD) + delta;
}

/** The current code (tests and the e2e suite compute codes like an authenticator app). */
export function currentTotp(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}

/** The otpauth:// URI as an SVG QR code, for an <img src="data:…">. */
export async function totpQrSvg(uri: string): Promise<string> {
  return await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}
