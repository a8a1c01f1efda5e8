import {
  assert,
  assertEquals,
  assertInstanceOf,
  assertMatch,
  assertThrows,
} from "../shared/assert.ts";
import {
  assertValidKey,
  assertValidPrefix,
  documentObjectKey,
  InvalidObjectKeyError,
  isValidKey,
} from "./object_keys.ts";

const USER = "0b5e3a4c-1d2f-4a6b-8c9d-0e1f2a3b4c5d";
const DOC = "9f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e6f";

const VALID_KEYS = [
  "a",
  "file.pdf",
  "u1/doc/a.pdf",
  `${USER}/${DOC}/${crypto.randomUUID()}.pdf`,
  "A-b_c.d/e",
  "a.b.c",
  "1/2/3/4/5/6/7/8/9",
  "x".repeat(128),
  ["y".repeat(64), ...Array.from({ length: 7 }, () => "y".repeat(63))].join("/"), // 512 long
];

const INVALID_KEYS: [string, string][] = [
  ["", "empty"],
  [".", "dot"],
  ["..", "dot-dot"],
  ["../x", "parent traversal"],
  ["a/../b", "inner traversal"],
  ["a/..", "trailing traversal"],
  ["a/./b", "dot segment"],
  ["a..b", "dot-dot inside a segment"],
  ["/abs", "absolute"],
  ["a//b", "empty segment"],
  ["a/", "trailing slash"],
  [".hidden", "leading dot"],
  [".tmp/x", "the temp dir"],
  ["-x", "leading dash"],
  ["_x", "leading underscore"],
  ["with space.pdf", "space"],
  ["a\tb", "tab"],
  ["a\nb", "newline"],
  ["a\0b", "NUL"],
  ["a\\b", "backslash"],
  ["C:\\x", "drive letter"],
  ["a:b", "colon"],
  ["a?b", "query"],
  ["a#b", "fragment"],
  ["a%2e%2e", "percent-encoding"],
  ["März.pdf", "non-ASCII"],
  ["\uff0e\uff0e/x", "full-width dots"],
  ["x".repeat(129), "a segment over 128 characters"],
  [["y".repeat(65), ...Array.from({ length: 7 }, () => "y".repeat(63))].join("/"), "513 long"],
];

Deno.test("object keys - valid keys pass", () => {
  for (const key of VALID_KEYS) {
    assert(isValidKey(key), `valid: ${JSON.stringify(key)}`);
    assertValidKey(key);
  }
});

Deno.test("object keys - invalid keys are refused with InvalidObjectKeyError (400)", () => {
  assertEquals(VALID_KEYS.at(-1)!.length, 512);
  assertEquals(INVALID_KEYS.at(-1)![0].length, 513);
  for (const [key, why] of INVALID_KEYS) {
    assert(!isValidKey(key), `invalid (${why}): ${JSON.stringify(key)}`);
    const error = assertThrows(() => assertValidKey(key), `assertValidKey throws (${why})`);
    assertInstanceOf(error, InvalidObjectKeyError);
    assertEquals(error.status, 400);
    assertEquals(error.code, "storage.invalid_key");
  }
});

Deno.test("object keys - list prefixes: empty, whole segments or a partial last one", () => {
  for (const prefix of ["", "u1", "u1/", "u1/do", "u1/doc/", `${USER}/${DOC}/`]) {
    assertValidPrefix(prefix);
  }
  for (const prefix of ["/", "/u1", "u1//", "../", "u1/../", "u1/./", ".tmp/", "a b/"]) {
    const error = assertThrows(
      () => assertValidPrefix(prefix),
      `prefix ${JSON.stringify(prefix)} must be refused`,
    );
    assertInstanceOf(error, InvalidObjectKeyError);
  }
});

Deno.test("documentObjectKey - builds {user}/{doc}/{uuid}.pdf from ids only", () => {
  const key = documentObjectKey(USER, DOC);
  const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
  assertMatch(key, new RegExp(`^${USER}/${DOC}/${uuid}\\.pdf$`));
  assert(isValidKey(key));
  assert(documentObjectKey(USER, DOC) !== key, "each call names a new object");
  assertMatch(documentObjectKey(USER, DOC, ".png"), new RegExp(`/${uuid}\\.png$`));
  assertMatch(documentObjectKey(USER, DOC, ".tar7z"), /\.tar7z$/);
});

Deno.test("documentObjectKey - refuses anything but UUIDs and a short lower-case extension", () => {
  const refused: [string, string, string | undefined][] = [
    ["u1", DOC, undefined],
    [USER, "42", undefined],
    ["../" + USER, DOC, undefined],
    [USER, `${DOC}/..`, undefined],
    [`${USER} `, DOC, undefined],
    [USER.replaceAll("-", ""), DOC, undefined],
    [USER, DOC.slice(0, -1) + "g", undefined],
    ["", DOC, undefined],
    [USER, DOC, "pdf"],
    [USER, DOC, ".PDF"],
    [USER, DOC, ".p/df"],
    [USER, DOC, "./../x"],
    [USER, DOC, ".toolongext"],
    [USER, DOC, "."],
    [USER, DOC, ".pdf "],
    [USER, DOC, ""],
  ];
  for (const [user, doc, ext] of refused) {
    const error = assertThrows(
      () => documentObjectKey(user, doc, ext),
      `refuses ${JSON.stringify([user, doc, ext])}`,
    );
    assertInstanceOf(error, InvalidObjectKeyError);
  }
});
