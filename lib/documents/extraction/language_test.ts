import { assertEquals } from "../../shared/assert.ts";
import { detectLanguage, languageSample } from "./language.ts";

const SENTENCES: Record<string, string> = {
  en: "Thank you for your order. The invoice is due within thirty days of the date shown " +
    "above; please quote the invoice number with your payment.",
  de: "Vielen Dank für Ihre Bestellung. Die Rechnung ist innerhalb von dreißig Tagen nach " +
    "dem oben genannten Datum zu bezahlen; bitte geben Sie die Rechnungsnummer an.",
  fr: "Merci pour votre commande. La facture est payable dans les trente jours suivant la " +
    "date indiquée ci-dessus ; veuillez rappeler le numéro de facture lors du paiement.",
  es: "Gracias por su pedido. La factura debe pagarse dentro de los treinta días siguientes " +
    "a la fecha indicada arriba; indique el número de factura con su pago.",
  nl: "Bedankt voor uw bestelling. De factuur moet binnen dertig dagen na de hierboven " +
    "vermelde datum worden betaald; vermeld het factuurnummer bij uw betaling.",
  it: "Grazie per il suo ordine. La fattura deve essere pagata entro trenta giorni dalla " +
    "data indicata sopra; si prega di indicare il numero della fattura con il pagamento.",
  pt: "Obrigado pela sua encomenda. A fatura deve ser paga no prazo de trinta dias a contar " +
    "da data indicada acima; indique o número da fatura com o seu pagamento.",
};

Deno.test("detectLanguage - tells the main European languages apart", () => {
  for (const [language, text] of Object.entries(SENTENCES)) {
    assertEquals(detectLanguage(text), language, text);
  }
});

Deno.test("detectLanguage - is not fooled by numbers, amounts and addresses", () => {
  const noise = "Nr. 2024-00017 · 12.03.2024 · IBAN DE89 3704 0044 0532 0130 00 · 1.234,56 EUR " +
    "info@example.com https://example.com/rechnung/17 ";
  assertEquals(detectLanguage(noise.repeat(5) + SENTENCES.de), "de");
});

Deno.test("detectLanguage - returns null for text too short or unclear to judge", () => {
  assertEquals(detectLanguage(""), null);
  assertEquals(detectLanguage("Invoice 2024-17"), null);
  assertEquals(detectLanguage("12.03.2024 1.234,56 EUR ".repeat(50)), null);
  // A label list from a pay slip: English words, but no sentence to tell by.
  assertEquals(detectLanguage("Gross Pay YTD Fed Income Tax Soc Sec Medicare Net Pay YTD"), null);
  // Placeholder Latin, which franc-min has no model for, fits French and Spanish equally.
  const lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod " +
    "tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis " +
    "nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.";
  assertEquals(detectLanguage(lorem.repeat(3)), null);
});

Deno.test("detectLanguage - knows scripts with one language", () => {
  assertEquals(
    detectLanguage(
      "これは日本語で書かれた請求書です。お支払いは三十日以内にお願いします。".repeat(3),
    ),
    "ja",
  );
  assertEquals(
    detectLanguage(
      "Η τιμολόγηση γίνεται στο τέλος κάθε μήνα και η πληρωμή οφείλεται σε τριάντα ημέρες.",
    ),
    "el",
  );
});

Deno.test("languageSample - keeps words, drops numbers, addresses and links", () => {
  assertEquals(
    languageSample("Rechnung Nr. 17 vom 12.03.2024 an info@example.com (siehe www.example.com)"),
    "Rechnung Nr vom an siehe",
  );
});
