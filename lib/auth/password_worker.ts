/**
 * Runs argon2id (hash-wasm) in a Web Worker: one hash takes ~80 ms of pure CPU, which on
 * the main thread would stall every other request. See passwords.ts for the pool.
 */
import { argon2id, argon2Verify } from "hash-wasm";

/** OWASP's argon2id parameters (SPEC §1): 19 MiB, 2 iterations, 1 lane. */
export const ARGON2_PARAMS = { parallelism: 1, iterations: 2, memorySize: 19456, hashLength: 32 };

export type PasswordRequest =
  | { id: number; op: "hash"; password: string }
  | { id: number; op: "verify"; password: string; hash: string };

export type PasswordResponse =
  | { id: number; ok: true; result: string | boolean }
  | { id: number; ok: false; error: string };

self.onmessage = async (event: MessageEvent<PasswordRequest>) => {
  const request = event.data;
  try {
    const result = request.op === "hash"
      ? await argon2id({
        password: request.password,
        salt: crypto.getRandomValues(new Uint8Array(16)),
        ...ARGON2_PARAMS,
        outputType: "encoded",
      })
      : await argon2Verify({ password: request.password, hash: request.hash });
    self.postMessage({ id: request.id, ok: true, result } satisfies PasswordResponse);
  } catch (error) {
    self.postMessage(
      { id: request.id, ok: false, error: String(error) } satisfies PasswordResponse,
    );
  }
};
