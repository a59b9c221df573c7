/**
 * Icons drawn as SVG, so no screen depends on an emoji or symbol font the OS may lack (a
 * Debian kiosk shows 🔍 and 🔇 as empty boxes). Each takes the text's colour and size.
 */
import type { JSX } from 'preact';

export type IconName = 'search' | 'back' | 'home' | 'contrast' | 'text-size' | 'sound-off' | 'backspace' | 'live';

const paths: Record<IconName, JSX.Element> = {
  search: (
    <>
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="M15.5 15.5 21 21" />
    </>
  ),
  back: <path d="M20 12H5m6-7-7 7 7 7" />,
  home: <path d="M3 11.5 12 4l9 7.5M6 10v10h12V10" />,
  contrast: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 3.5a8.5 8.5 0 0 1 0 17z" fill="currentColor" />
    </>
  ),
  'text-size': <path d="M3 19 8 5l5 14M4.8 14h6.4M15 12h6m-3-3v6" />,
  backspace: <path d="M21 5H9l-6 7 6 7h12zM17 9l-6 6m0-6 6 6" />,
  live: <circle cx="12" cy="12" r="6" fill="currentColor" />,
  'sound-off': (
    <>
      <path d="M4 9h4l5-4v14l-5-4H4z" />
      <path d="m16 9 5 6m0-6-5 6" />
    </>
  ),
};

/** One icon, 1em square, beside a label that says the same in words (so it is hidden from screen readers). */
export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  return (
    <svg
      class={`icon${className ? ` ${className}` : ''}`}
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      stroke-width="2.2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      // On the text's baseline, like the glyph it replaces, in every app.
      style={{ verticalAlign: '-0.125em' }}
      data-icon={name}
    >
      {paths[name]}
    </svg>
  );
}
