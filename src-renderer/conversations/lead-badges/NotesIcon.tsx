/** Shown when a lead has notes; hovering shows the latest note's excerpt. */
export function NotesIcon({ excerpt }: { excerpt: string }) {
  return (
    <span
      className="notes-icon"
      data-testid="notes-icon"
      title={excerpt}
      aria-label={`Notes: ${excerpt}`}
      role="img"
    >
      <svg
        viewBox="0 0 16 16"
        width="13"
        height="13"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      >
        <path d="M4 2h6l3 3v9H4z" />
        <path d="M6 7h5M6 9.5h5M6 12h3" />
      </svg>
    </span>
  );
}
