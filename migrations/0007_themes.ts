import { type Kysely, sql } from "kysely";

/**
 * Themes (SPEC §3, §4.7): named sets of colour tokens for the light and the dark mode.
 * `tokens` is `{light: {"color-bg": "#rrggbb", …}, dark: {…}}` with every token of
 * static/css/base.css; the application validates it (only `#rrggbb` colours reach here).
 * The built-in themes are seeded here and cannot be edited or deleted: "default" is
 * exactly base.css (so choosing it changes nothing), "forest" and "ocean" are
 * alternatives. Every pair of text and background they use meets WCAG AA
 * (checked by lib/appearance/themes_test.ts).
 */
const BUILT_IN_THEMES = [
  {
    id: "default",
    label: "Default",
    tokens: {
      light: {
        "color-bg": "#f5f6f8",
        "color-surface": "#ffffff",
        "color-surface-2": "#eef1f5",
        "color-raised": "#ffffff",
        "color-border": "#d6dce4",
        "color-border-strong": "#aab3bf",
        "color-text": "#1a1e24",
        "color-text-muted": "#555e6b",
        "color-accent": "#2f5bd3",
        "color-accent-hover": "#2449b3",
        "color-accent-text": "#ffffff",
        "color-accent-soft": "#e7edfc",
        "color-focus": "#2f5bd3",
        "color-danger": "#b8322a",
        "color-danger-soft": "#fbe9e7",
        "color-danger-text": "#ffffff",
        "color-warning": "#935400",
        "color-warning-soft": "#fdf1dc",
        "color-success": "#1c7340",
        "color-success-soft": "#e3f4ea",
      },
      dark: {
        "color-bg": "#0f1217",
        "color-surface": "#171b22",
        "color-surface-2": "#1f252e",
        "color-raised": "#323a47",
        "color-border": "#2e3540",
        "color-border-strong": "#4a5462",
        "color-text": "#e6e9ee",
        "color-text-muted": "#a2abb8",
        "color-accent": "#7f9ef6",
        "color-accent-hover": "#9cb4f8",
        "color-accent-text": "#0b1020",
        "color-accent-soft": "#1d2742",
        "color-focus": "#9cb4f8",
        "color-danger": "#f2776d",
        "color-danger-soft": "#3a1d1b",
        "color-danger-text": "#0b1020",
        "color-warning": "#f0b35a",
        "color-warning-soft": "#3a2a12",
        "color-success": "#62cf90",
        "color-success-soft": "#15301f",
      },
    },
  },
  {
    id: "forest",
    label: "Forest",
    tokens: {
      light: {
        "color-bg": "#f4f7f4",
        "color-surface": "#ffffff",
        "color-surface-2": "#e9f0ea",
        "color-raised": "#ffffff",
        "color-border": "#d3ddd5",
        "color-border-strong": "#a7b5aa",
        "color-text": "#17211a",
        "color-text-muted": "#4f5f54",
        "color-accent": "#1f7a4a",
        "color-accent-hover": "#17603a",
        "color-accent-text": "#ffffff",
        "color-accent-soft": "#e2f2e8",
        "color-focus": "#1f7a4a",
        "color-danger": "#b3332b",
        "color-danger-soft": "#fbe9e7",
        "color-danger-text": "#ffffff",
        "color-warning": "#8a5200",
        "color-warning-soft": "#fbf0dc",
        "color-success": "#16703f",
        "color-success-soft": "#e1f3e7",
      },
      dark: {
        "color-bg": "#0e1411",
        "color-surface": "#151d18",
        "color-surface-2": "#1c2620",
        "color-raised": "#2c3a31",
        "color-border": "#29352d",
        "color-border-strong": "#46584b",
        "color-text": "#e4ece6",
        "color-text-muted": "#a0b0a5",
        "color-accent": "#5fcf8f",
        "color-accent-hover": "#86dca9",
        "color-accent-text": "#08160e",
        "color-accent-soft": "#173324",
        "color-focus": "#86dca9",
        "color-danger": "#f2776d",
        "color-danger-soft": "#3a1d1b",
        "color-danger-text": "#160808",
        "color-warning": "#f0b35a",
        "color-warning-soft": "#3a2a12",
        "color-success": "#62cf90",
        "color-success-soft": "#15301f",
      },
    },
  },
  {
    id: "ocean",
    label: "Ocean",
    tokens: {
      light: {
        "color-bg": "#f3f7f9",
        "color-surface": "#ffffff",
        "color-surface-2": "#e6eff3",
        "color-raised": "#ffffff",
        "color-border": "#cfdde4",
        "color-border-strong": "#9fb3bd",
        "color-text": "#142028",
        "color-text-muted": "#4b5d68",
        "color-accent": "#0b6e8a",
        "color-accent-hover": "#095a71",
        "color-accent-text": "#ffffff",
        "color-accent-soft": "#dff0f5",
        "color-focus": "#0b6e8a",
        "color-danger": "#b3332b",
        "color-danger-soft": "#fbe9e7",
        "color-danger-text": "#ffffff",
        "color-warning": "#8a5200",
        "color-warning-soft": "#fbf0dc",
        "color-success": "#1b6e3d",
        "color-success-soft": "#e1f3e7",
      },
      dark: {
        "color-bg": "#0b1419",
        "color-surface": "#111d24",
        "color-surface-2": "#18262e",
        "color-raised": "#263844",
        "color-border": "#243540",
        "color-border-strong": "#3f5664",
        "color-text": "#e2edf2",
        "color-text-muted": "#9cb1bc",
        "color-accent": "#4cc3e0",
        "color-accent-hover": "#7dd5ea",
        "color-accent-text": "#04141a",
        "color-accent-soft": "#123340",
        "color-focus": "#7dd5ea",
        "color-danger": "#f2776d",
        "color-danger-soft": "#3a1d1b",
        "color-danger-text": "#1a0806",
        "color-warning": "#f0b35a",
        "color-warning-soft": "#3a2a12",
        "color-success": "#62cf90",
        "color-success-soft": "#15301f",
      },
    },
  },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table if not exists themes (
      id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,47}$'),
      label text not null check (length(label) between 1 and 64),
      is_builtin boolean not null default false,
      tokens jsonb not null check (jsonb_typeof(tokens) = 'object'),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by uuid references users (id) on delete set null
    )
  `.execute(db);
  await sql`create unique index if not exists themes_label_idx on themes (lower(label))`
    .execute(db);
  for (const theme of BUILT_IN_THEMES) {
    await sql`
      insert into themes (id, label, is_builtin, tokens)
      values (${theme.id}, ${theme.label}, true,
        cast(cast(${JSON.stringify(theme.tokens)} as text) as jsonb))
      on conflict (id) do nothing
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The appearance setting names a theme: without themes it means nothing.
  await sql`delete from settings where key = 'appearance'`.execute(db);
  await sql`drop table if exists themes`.execute(db);
}
