import { useState } from "preact/hooks";
import { COLOR_MODES, type ColorMode } from "../lib/appearance/color_modes.ts";

export interface ColorModeSwitchProps {
  mode: ColorMode;
  /** Where the plain form (before JavaScript runs) sends the browser back to. */
  returnTo: string;
}

const LABELS: Record<ColorMode, string> = { light: "Light", dark: "Dark", system: "Auto" };
const HINTS: Record<ColorMode, string> = {
  light: "Always use the light theme",
  dark: "Always use the dark theme",
  system: "Follow the device's setting",
};

function ModeIcon({ mode }: { mode: ColorMode }) {
  const common = {
    width: 16,
    height: 16,
    viewBox: "0 0 24 24",
    "aria-hidden": "true" as const,
    focusable: "false" as const,
    class: "icon",
  };
  if (mode === "light") {
    return (
      <svg {...common}>
        <circle cx="12" cy="12" r="4.5" />
        <path d="M12 2v2.5M12 19.5V22M2 12h2.5M19.5 12H22M4.9 4.9l1.8 1.8M17.3 17.3l1.8 1.8M4.9 19.1l1.8-1.8M17.3 6.7l1.8-1.8" />
      </svg>
    );
  }
  if (mode === "dark") {
    return (
      <svg {...common}>
        <path d="M20.5 14.5A8.5 8.5 0 0 1 9.5 3.5a8.5 8.5 0 1 0 11 11z" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </svg>
  );
}

/**
 * Light / dark / automatic colour mode. Without JavaScript it is a plain form that the
 * server answers by setting the cookie; hydrated, it switches at once and saves in the
 * background.
 */
export default function ColorModeSwitch({ mode, returnTo }: ColorModeSwitchProps) {
  const [current, setCurrent] = useState<ColorMode>(mode);

  function choose(event: Event, next: ColorMode) {
    event.preventDefault();
    setCurrent(next);
    document.documentElement.dataset.colorMode = next;
    fetch("/api/preferences", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ color_mode: next }),
      keepalive: true,
    }).catch(() => {
      // Offline: the mode still applies to this page; it is saved next time.
    });
  }

  return (
    <form class="color-mode" method="post" action="/preferences">
      <input type="hidden" name="return_to" value={returnTo} />
      <div class="segmented" role="group" aria-label="Colour mode">
        {COLOR_MODES.map((option) => (
          <button
            key={option}
            type="submit"
            name="color_mode"
            value={option}
            class="segmented__option"
            aria-pressed={current === option}
            title={HINTS[option]}
            onClick={(event) => choose(event, option)}
          >
            <ModeIcon mode={option} />
            <span>{LABELS[option]}</span>
          </button>
        ))}
      </div>
    </form>
  );
}
