import type { AppShellProps } from "../lib/app/render.tsx";
import { islandsUsedSoFar } from "../lib/app/islands.ts";
import { PageContext } from "../lib/app/page_context.ts";

/** Island scripts, only on pages that use islands: a page without them ships no JS. */
function IslandScripts({ assets }: Pick<AppShellProps, "assets">) {
  const used = [...islandsUsedSoFar()];
  if (used.length === 0) return null;
  return (
    <>
      {used.map((name) => <link key={name} rel="modulepreload" href={assets.islands[name]} />)}
      <script type="module" src={assets.reviver} />
    </>
  );
}

export default function App(
  { title, description, colorMode, assets, path, version, user, registrationOpen, children }:
    AppShellProps,
) {
  return (
    <html lang="en" data-color-mode={colorMode}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{title === "DocuVault" ? title : `${title} · DocuVault`}</title>
        {description && <meta name="description" content={description} />}
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={assets.styles} />
        {/* The admin's theme (routes/theme.css.ts): revalidated on every load, tiny. */}
        <link rel="stylesheet" href="/theme.css" />
      </head>
      <body>
        <PageContext.Provider value={{ path, colorMode, version, user, registrationOpen }}>
          {children}
        </PageContext.Provider>
        <IslandScripts assets={assets} />
      </body>
    </html>
  );
}
