/**
 * How figures read on screen. Pure functions with no imports: used by the server and,
 * bundled into islands, by the browser — so both say the same thing.
 */

export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;

/** The units a size is typed in on the admin forms. */
export const SIZE_UNITS = { MiB, GiB } as const;
export type SizeUnit = keyof typeof SIZE_UNITS;

/** "50", "0.5", "1.25": `bytes` in `unit` as an admin would type it (3 decimals at most). */
export function amountIn(bytes: number, unit: SizeUnit): string {
  return String(Number((bytes / SIZE_UNITS[unit]).toFixed(3)));
}

/** A size for a form with a unit menu: whole GiB in GiB, anything else in MiB. */
export function sizeInput(bytes: number): { amount: string; unit: SizeUnit } {
  const unit = bytes > 0 && bytes % GiB === 0 ? "GiB" : "MiB";
  return { amount: amountIn(bytes, unit), unit };
}

/** 1536 → "1.5 KiB", 5 GiB → "5 GiB"; binary units, one decimal below 10 when it is not 0. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, "");
  return `${shown} ${units[unit]}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2024-03-05" (or an ISO timestamp) → "5 Mar 2024", the same on every machine. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** Share of a quota used, 0–100, and how alarming it is (amber from 80 %, red from 95 %). */
export function quotaLevel(
  used: number,
  limit: number,
): { percent: number; level: "ok" | "warning" | "danger" } {
  const percent = limit > 0 ? Math.min(100, (used / limit) * 100) : 100;
  return { percent, level: percent >= 95 ? "danger" : percent >= 80 ? "warning" : "ok" };
}
