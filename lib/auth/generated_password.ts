import { passwordProblems } from "./password_policy.ts";
import { randomToken } from "./tokens.ts";

/** A random password that meets the policy, for accounts created or reset by a task. */
export function generatePassword(): string {
  while (true) {
    const candidate = `${randomToken(12)}-Dv7`;
    if (passwordProblems(candidate).length === 0) return candidate;
  }
}
