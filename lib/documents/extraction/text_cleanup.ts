/**
 * Tidying of the text pdf.js reads from a page, before it is stored, indexed and shown:
 * one kind of line ending, single spaces, no control characters. "\f" is kept out of a
 * page's text because DocuVault uses it between pages.
 */

/**
 * C0 and C1 control characters (NUL, escape sequences, DEL …) other than the whitespace
 * ones, which the whitespace rule below turns into spaces. Zero-width spaces and joiners go
 * too: they split words for search without being visible.
 */
// deno-lint-ignore no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u200B\u2060]/g;
/** Any whitespace except "\n": tabs, "\r", "\v", "\f", no-break and other Unicode spaces. */
const SPACES = /[^\S\n]+/g;

/** The text of one page, cleaned: see the file comment. */
export function cleanPageText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(INVISIBLE, "")
    .replace(SPACES, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The first `maxChars` UTF-16 units of `text`, without cutting a surrogate pair in two. */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const last = text.charCodeAt(maxChars - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, splitsPair ? maxChars - 1 : maxChars);
}

/** Letters and digits in `text`: what tells a real text layer from stray marks. */
export function countWordCharacters(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}
