/**
 * The password policy of SPEC §4.1, as plain rules shared by the server (through the zod
 * schema in auth_schemas.ts) and the browser (the live checklist of the PasswordField
 * island). Keep this file free of server-only imports.
 */

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Words that make a password guessable wherever they appear (case-insensitive). */
export const COMMON_WORDS = [
  "password",
  "passwort",
  "secret",
  "login",
  "admin",
  "test",
  "qwerty",
  "azerty",
  "welcome",
  "letmein",
  "iloveyou",
  "monkey",
  "dragon",
  "123456",
  "abc123",
  "docuvault",
] as const;

export interface PasswordRule {
  id: "length" | "upper" | "lower" | "digit" | "special" | "common";
  label: string;
  test(password: string): boolean;
}

export const PASSWORD_RULES: readonly PasswordRule[] = [
  {
    id: "length",
    label: `${PASSWORD_MIN}–${PASSWORD_MAX} characters`,
    test: (p) => [...p].length >= PASSWORD_MIN && [...p].length <= PASSWORD_MAX,
  },
  { id: "upper", label: "an upper-case letter", test: (p) => /\p{Lu}/u.test(p) },
  { id: "lower", label: "a lower-case letter", test: (p) => /\p{Ll}/u.test(p) },
  { id: "digit", label: "a digit", test: (p) => /\p{Nd}/u.test(p) },
  {
    id: "special",
    label: "a special character (e.g. ! ? # -)",
    test: (p) => /[^\p{L}\p{Nd}\s]/u.test(p),
  },
  {
    id: "common",
    label: "no common word (password, admin, qwerty …)",
    test: (p) => {
      const lower = p.toLowerCase();
      return p.length > 0 && !COMMON_WORDS.some((word) => lower.includes(word));
    },
  },
];

/** The rules a password breaks (empty when it is acceptable). */
export function passwordProblems(password: string): PasswordRule[] {
  return PASSWORD_RULES.filter((rule) => !rule.test(password));
}
