import { useEffect, useState } from "preact/hooks";

/**
 * Copies `text` to the clipboard. It only appears once hydrated: without JavaScript
 * there is nothing it could do, and the text is shown on the page anyway.
 */
export default function CopyButton(
  { text, label = "Copy", small = false }: { text: string; label?: string; small?: boolean },
) {
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;

  async function copy() {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }

  return (
    <button
      type="button"
      class={small ? "button button--small" : "button"}
      onClick={copy}
      aria-live="polite"
    >
      {copied ? "Copied" : label}
    </button>
  );
}
