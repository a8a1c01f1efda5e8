import type { ComponentChildren } from "preact";
import ColorModeSwitch from "../islands/ColorModeSwitch.tsx";
import { usePage } from "../lib/app/page_context.ts";
import { Logo } from "./Logo.tsx";

function AccountNav() {
  const { user, path, registrationOpen } = usePage();
  if (!user) {
    return (
      <nav class="site-nav" aria-label="Account">
        <a
          href={path === "/" ? "/login" : `/login?next=${encodeURIComponent(path)}`}
          class="site-nav__link"
        >
          Sign in
        </a>
        {registrationOpen && (
          <a href="/register" class="button button--primary button--small">Create account</a>
        )}
      </nav>
    );
  }
  return (
    <nav class="site-nav" aria-label="Account">
      <a
        href="/profile"
        class="site-nav__link"
        aria-current={path.startsWith("/profile") ? "page" : undefined}
        title={user.email}
      >
        <span class="avatar" aria-hidden="true">
          {user.full_name.trim().charAt(0).toUpperCase()}
        </span>
        <span class="site-nav__name">{user.full_name}</span>
      </a>
      <form method="post" action="/logout" class="inline-form">
        <button type="submit" class="button button--small">Sign out</button>
      </form>
    </nav>
  );
}

/** The frame of every page: skip link, header (brand, account, colour mode), main, footer. */
export function Layout(
  { children, narrow = false }: { children: ComponentChildren; narrow?: boolean },
) {
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
          <div class="site-header__end">
            <AccountNav />
            <ColorModeSwitch mode={colorMode} returnTo={path} />
          </div>
        </div>
      </header>
      <main
        id="main"
        class={`container site-main${narrow ? " site-main--narrow" : ""}`}
        tabIndex={-1}
      >
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
