/**
 * The shape of the seed knowledge: for each document type, short texts in English,
 * German, French and Spanish written the way such documents read — field labels, stock
 * phrases, typical lines. They are written from general knowledge of each kind of
 * document, never copied from a real one, and hold no real names.
 */

export type SeedLanguage = "en" | "de" | "fr" | "es";

/** The seed texts of one document type (its slug and English label), per language. */
export type SeedSet = { type: string; label: string } & Record<SeedLanguage, string[]>;

/** One seed text, as the model is trained on it. */
export interface SeedText {
  type: string;
  language: SeedLanguage;
  text: string;
}
