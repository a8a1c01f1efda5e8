import { assert, assertEquals } from "../../shared/assert.ts";
import { STOP_WORDS } from "./stop_words.ts";
import { countFeatures, foldText, stem, tokenizeLine } from "./text_features.ts";

Deno.test("foldText - lower-cases and strips accents in every language", () => {
  assertEquals(foldText("NUMÉRO de Facture"), "numero de facture");
  assertEquals(foldText("Rechnungsempfänger"), "rechnungsempfanger");
  assertEquals(foldText("Straße STRASSE"), "strasse strasse");
  assertEquals(foldText("Dirección, AÑO, pingüino"), "direccion, ano, pinguino");
  assertEquals(foldText("Œuvre, Æsir"), "oeuvre, aesir");
  assertEquals(foldText("ＲＥＣＨＮＵＮＧ"), "rechnung");
});

Deno.test("stem - forms of one word meet", () => {
  const groups = [
    ["invoice", "invoices", "INVOICES"],
    ["rechnung", "rechnungen"],
    ["facture", "factures"],
    ["factura", "facturas"],
    ["number", "numbers"],
    ["employee", "employees"],
  ];
  for (const group of groups) {
    const stems = new Set(group.map((word) => stem(foldText(word))));
    assertEquals(stems.size, 1, `${group.join(", ")} → ${[...stems].join(", ")}`);
  }
  assertEquals(stem("business"), "business", "a double s is not a plural");
  assertEquals(stem("tax"), "tax", "short words are left alone");
});

Deno.test("tokenizeLine - drops stop words, bare numbers and single letters", () => {
  assertEquals(tokenizeLine("The invoice number is 2024-0153"), ["invoic", "numb"]);
  assertEquals(tokenizeLine("Date de la facture : 15/03/2024"), ["date", "factur"]);
  assertEquals(tokenizeLine("Form W-2 and 1099-MISC"), ["form", "w2", "1099misc"]);
  assertEquals(tokenizeLine(""), []);
});

Deno.test("tokenizeLine - keeps the pronouns that tell genres apart", () => {
  assertEquals(tokenizeLine("we propose"), ["we", stem("propose")]);
  assertEquals(tokenizeLine("your bill"), ["your", "bill"]);
  assert(!STOP_WORDS.has("shall"), "shall is the verb of contracts");
});

Deno.test("stop words - are folded like the text they are matched against", () => {
  for (const word of STOP_WORDS) {
    assertEquals(foldText(word), word);
    assert(!/\s/.test(word));
  }
  for (const word of ["the", "und", "les", "los", "uber", "tambien"]) {
    assert(STOP_WORDS.has(word), word);
  }
});

Deno.test("countFeatures - counts unigrams, bigrams within a line, and shapes", () => {
  const counts = countFeatures("Amount due 1,368.00\nAmount due 12,50 €\nDue 15.03.2024");
  assertEquals(counts.get("amount"), 2);
  assertEquals(counts.get("amount due"), 2);
  assertEquals(counts.get("due"), 3);
  assertEquals(counts.get("due amount"), undefined, "no bigram across lines");
  assertEquals(counts.get("#amount"), 2);
  assertEquals(counts.get("#date"), 1);
});
