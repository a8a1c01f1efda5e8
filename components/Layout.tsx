import type { ComponentChildren } from "preact";
import ColorModeSwitch from "../islands/ColorModeSwitch.tsx";
import { usePage } from "../lib/app/page_context.ts";
import { Logo } from "./Logo.tsx";

/** The frame of every page: skip link, header with brand and colour mode, main, footer. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { path, colorMode, version } = usePage();
  return (
    <>
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="site-header">
        <div class="container site-header__inner">
          <a class="brand" href="/" aria-label="DocuVault home">
            <Logo />
            <span class="brand__name">DocuVault</span>
          </a>
          <ColorModeSwitch mode={colorMode} returnTo={path} />
        </div>
      </header>
      <main id="main" class="container site-main" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <div class="container site-footer__inner">
          <span>DocuVault — your documents, on your own hardware.</span>
          {version && <span class="muted">Version {version}</span>}
        </div>
      </footer>
    </>
  );
}
