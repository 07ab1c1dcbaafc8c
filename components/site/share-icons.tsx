/**
 * Share icons drawn for Midad: simple shapes that read as each service at 20 px (24-unit grid).
 * Decorative: the link around each carries the name.
 */
const PATHS = {
  whatsapp: (
    <>
      <path
        d="M12 3a9 9 0 0 0-7.7 13.6L3 21l4.5-1.2A9 9 0 1 0 12 3z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      <path d="M8.6 7.6c.3-.3.8-.3 1 .1l1 1.9c.1.3 0 .6-.2.8l-.6.6a6 6 0 0 0 3.2 3.2l.6-.6c.2-.2.5-.3.8-.2l1.9 1c.4.2.4.7.1 1l-.8.8c-.5.5-1.3.6-2 .3a9.5 9.5 0 0 1-5.1-5.1c-.3-.7-.2-1.5.3-2z" />
    </>
  ),
  telegram: (
    <>
      <path d="M21 3.8 2.8 10.9c-.7.3-.7 1.2 0 1.4l4.6 1.5 1.8 5.6c.2.6 1 .8 1.4.3l2.6-2.6 4.6 3.4c.5.4 1.3.1 1.4-.5L22 4.9c.1-.7-.5-1.3-1-1.1z" />
      <path
        d="m8 13.5 9.5-6.5-7.4 7.6"
        fill="none"
        stroke="#fff"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </>
  ),
  facebook: (
    <path d="M13.5 21v-7.5h2.6l.4-3.1h-3V8.5c0-.9.3-1.5 1.6-1.5h1.6V4.2a20 20 0 0 0-2.3-.1c-2.3 0-3.9 1.4-3.9 4v2.3H7.9v3.1h2.6V21z" />
  ),
  x: (
    <path d="M4 4h4.6l4 5.6L17.4 4H20l-6.2 7.2L20.4 20h-4.6l-4.3-6-5.2 6H3.7l6.6-7.6zm3 1.5 9.6 13h1.3L8.4 5.5z" />
  ),
  email: (
    <>
      <rect x="3" y="5.5" width="18" height="13" rx="2" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path
        d="m3.8 7 8.2 6 8.2-6"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </>
  ),
  link: (
    <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M10 14a4 4 0 0 0 5.7 0l3.1-3.1a4 4 0 0 0-5.7-5.7l-1.3 1.3" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3.1 3.1a4 4 0 0 0 5.7 5.7l1.3-1.3" />
    </g>
  ),
} as const;

export type ShareIconName = keyof typeof PATHS;

export function ShareIcon({ name }: { name: ShareIconName }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      className="size-5 shrink-0"
      fill="currentColor"
    >
      {PATHS[name]}
    </svg>
  );
}
