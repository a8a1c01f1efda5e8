import { assert, assertEquals } from "../shared/assert.ts";
import { newPasswordSchema } from "./auth_schemas.ts";
import {
  COMMON_WORDS,
  PASSWORD_MAX,
  PASSWORD_MIN,
  PASSWORD_RULES,
  passwordProblems,
  type PasswordRule,
} from "./password_policy.ts";

type RuleId = PasswordRule["id"];

/** [password, the rules it breaks, why it is in the table] */
const TABLE: [string, RuleId[], string][] = [
  ["Analytical-Engine-1843", [], "a good password"],
  ["Aa1!bcde", [], "exactly 8 characters"],
  ["Aa1!bcd", ["length"], "7 characters"],
  ["Aa1!" + "x".repeat(PASSWORD_MAX - 4), [], "exactly 128 characters"],
  ["Aa1!" + "x".repeat(PASSWORD_MAX - 3), ["length"], "129 characters"],
  ["Aa1!😀😀😀😀", [], "8 code points (12 UTF-16 units)"],
  ["Aa1!😀😀😀", ["length"], "7 code points although 10 UTF-16 units"],
  ["analytical-engine-1843", ["upper"], "no upper-case letter"],
  ["ANALYTICAL-ENGINE-1843", ["lower"], "no lower-case letter"],
  ["Analytical-Engine-Mk", ["digit"], "no digit"],
  ["AnalyticalEngine1843", ["special"], "no special character"],
  ["Analytical Engine 1843", ["special"], "a space is not a special character"],
  ["Ärger-über-1843", [], "non-ASCII letters count as letters"],
  ["MyPassword-1843", ["common"], "contains password"],
  ["Deep-PASSWORD-77", ["common"], "common words in any case"],
  ["Qwerty-Lake-77", ["common"], "contains qwerty"],
  ["Secret#Garden9", ["common"], "contains secret"],
  ["Letmein!Now42", ["common"], "contains letmein"],
  ["Welcome-Home-9", ["common"], "contains welcome"],
  ["Admin-Rights-9", ["common"], "contains admin"],
  ["Login-Page-9Q", ["common"], "contains login"],
  ["Unit-Test-9Q", ["common"], "contains test"],
  ["password", ["upper", "digit", "special", "common"], "the classic"],
  ["", ["length", "upper", "lower", "digit", "special", "common"], "nothing at all"],
];

Deno.test("password policy - the rules are the six of SPEC §4.1, in a fixed order", () => {
  assertEquals(PASSWORD_RULES.map((r) => r.id), [
    "length",
    "upper",
    "lower",
    "digit",
    "special",
    "common",
  ]);
  assertEquals([PASSWORD_MIN, PASSWORD_MAX], [8, 128]);
  for (const word of ["password", "secret", "login", "admin", "test", "qwerty", "welcome"]) {
    assert((COMMON_WORDS as readonly string[]).includes(word), `${word} is a common word`);
  }
  assert((COMMON_WORDS as readonly string[]).includes("letmein"));
});

Deno.test("password policy - each password breaks exactly the rules in the table", async (t) => {
  for (const [password, broken, why] of TABLE) {
    await t.step(`${why}: ${JSON.stringify(password.slice(0, 24))}`, () => {
      assertEquals(passwordProblems(password).map((r) => r.id), broken);
    });
  }
});

Deno.test("password policy - the zod schema and the shared rules agree", async (t) => {
  for (const [password, broken, why] of TABLE) {
    await t.step(why, () => {
      const result = newPasswordSchema.safeParse(password);
      assertEquals(result.success, broken.length === 0, why);
      const messages = result.success ? [] : result.error.issues.map((i) => i.message);
      assertEquals(messages.length, broken.length, `one message per broken rule: ${messages}`);
      assertEquals(new Set(messages).size, messages.length, "each rule has its own message");
    });
  }
});

Deno.test("password policy - every common word fails only the common-word rule", () => {
  for (const word of COMMON_WORDS) {
    const password = `Zz9!-${word}-Kq`;
    assertEquals(passwordProblems(password).map((r) => r.id), ["common"], password);
    assertEquals(newPasswordSchema.safeParse(password).success, false, password);
    assertEquals(newPasswordSchema.safeParse(`Zz9!-${word.toUpperCase()}-Kq`).success, false);
  }
});

Deno.test("password policy - each rule has its own message, named after the rule", () => {
  const seen = new Map<string, RuleId>();
  for (const [password, broken] of TABLE) {
    if (broken.length !== 1) continue;
    const result = newPasswordSchema.safeParse(password);
    assert(!result.success);
    const message = result.error.issues[0].message;
    const previous = seen.get(message);
    assert(previous === undefined || previous === broken[0], `"${message}" used for two rules`);
    seen.set(message, broken[0]);
  }
  assertEquals(new Set(seen.values()).size, PASSWORD_RULES.length, "every rule was covered");
});
