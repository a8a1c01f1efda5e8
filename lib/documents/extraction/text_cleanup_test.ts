import { assertEquals } from "../../shared/assert.ts";
import { cleanPageText, countWordCharacters, truncateText } from "./text_cleanup.ts";

Deno.test("cleanPageText - normalises line endings and whitespace runs", () => {
  assertEquals(cleanPageText("a\r\nb\rc\n"), "a\nb\nc");
  assertEquals(cleanPageText("  Total:\t\t 12,00\u00a0€  \n  next  "), "Total: 12,00 €\nnext");
  assertEquals(cleanPageText("one\n\n\n\n\ntwo"), "one\n\ntwo");
  assertEquals(cleanPageText(" \n \n "), "");
});

Deno.test("cleanPageText - drops NULs and control characters, keeps no form feed", () => {
  assertEquals(cleanPageText("in\u0000voice\u0007 \u001bno\u007f\u0085"), "invoice no");
  // "\f" separates pages in the stored text, so one inside a page becomes a space.
  assertEquals(cleanPageText("page\fbreak\vhere"), "page break here");
  assertEquals(cleanPageText("zero\u200bwidth"), "zerowidth");
});

Deno.test("truncateText - keeps surrogate pairs whole", () => {
  assertEquals(truncateText("abc", 5), "abc");
  assertEquals(truncateText("abcdef", 3), "abc");
  assertEquals(truncateText("ab😀", 3), "ab");
  assertEquals(truncateText("ab😀", 4), "ab😀");
});

Deno.test("countWordCharacters - counts letters and digits of any script only", () => {
  // Private-use characters are what pdf.js gives for glyphs it cannot map to text.
  assertEquals(countWordCharacters("Straße 12 — · 東京 \uE000\uE001 ... ½"), 11);
});
