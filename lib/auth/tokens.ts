/**
 * Random tokens and their stored form. Tokens are high-entropy (≥ 256 bits), so a plain
 * SHA-256 is the right way to store them: unlike passwords they cannot be guessed.
 */
import { toBase64Url } from "../app/encryption.ts";

export function randomToken(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Personal API tokens: `dv_` + 43 base64url characters. */
export const API_TOKEN_PATTERN = /^dv_[A-Za-z0-9_-]{43}$/;

export function newApiToken(): { token: string; prefix: string } {
  const token = `dv_${randomToken(32)}`;
  return { token, prefix: token.slice(0, 10) };
}

// Crockford's base32: no I, L, O, U — nothing to misread when typing a code from paper.
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A backup code: 16 characters (80 bits) in groups of four, e.g. `7K2M-Q9XD-4RTB-HC3W`. */
export function newBackupCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b & 31]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/** What the user typed, in the canonical form that is hashed (case, spaces, O/0, I/L/1). */
export function normaliseBackupCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replaceAll("O", "0").replace(/[IL]/g, "1");
}
