/** The DocuVault mark: a document inside a vault door. Decorative; the name is text. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg
      class="logo"
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="2" y="2" width="28" height="28" rx="7" class="logo__vault" />
      <path d="M11 8h7l4 4v12H11z" class="logo__page" />
      <path d="M18 8v4h4" class="logo__fold" />
      <path d="M13.5 16h6M13.5 19h6M13.5 22h4" class="logo__lines" />
    </svg>
  );
}
