/**
 * Encryption of secrets at rest (TOTP secrets, later AI API keys and storage credentials):
 * AES-256-GCM with a random 96-bit IV per value. Stored as `v1.<iv>.<ciphertext>` in
 * base64url. The key comes from ENCRYPTION_KEY or is generated into the data dir.
 */
import { AppError } from "../shared/errors.ts";

export interface Encryptor {
  encrypt(plaintext: string): Promise<string>;
  decrypt(stored: string): Promise<string>;
}

function toBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_")
    .replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const padded = text.replaceAll("-", "+").replaceAll("_", "/");
  return Uint8Array.from(
    atob(padded + "=".repeat((4 - padded.length % 4) % 4)),
    (c) => c.charCodeAt(0),
  );
}

export async function createEncryptor(base64Key: string): Promise<Encryptor> {
  const raw = fromBase64Url(base64Key.trim());
  if (raw.length !== 32) throw new Error("the encryption key must be 32 bytes");
  const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
  return {
    async encrypt(plaintext) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt(
        { name: "AES-GCM", iv },
        key,
        new TextEncoder().encode(plaintext),
      );
      return `v1.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(sealed))}`;
    },
    async decrypt(stored) {
      const [version, iv, data] = stored.split(".");
      if (version !== "v1" || !iv || !data) {
        throw new AppError("crypto.unreadable", 500, "A stored secret could not be read.", {
          expose: false,
        });
      }
      try {
        const plain = await crypto.subtle.decrypt(
          { name: "AES-GCM", iv: fromBase64Url(iv) },
          key,
          fromBase64Url(data),
        );
        return new TextDecoder().decode(plain);
      } catch (cause) {
        throw new AppError(
          "crypto.unreadable",
          500,
          "A stored secret could not be decrypted (was ENCRYPTION_KEY changed?).",
          { expose: false, cause },
        );
      }
    },
  };
}

export { fromBase64Url, toBase64Url };
