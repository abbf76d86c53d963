import { useNotices } from './notice-store';

/** What the core asked to be read once ("You were set Away: ..."), each until dismissed. */
export function NoticeList() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <ul className="call-errors" aria-label="Notices">
      {notices.map((notice) => (
        <li
          key={notice.id}
          className="banner banner-info"
          role="status"
          data-testid="notice"
          data-notice-id={notice.id}
        >
          <span className="banner-text">{notice.message}</span>
          <button
            type="button"
            className="button-quiet"
            aria-label={`Dismiss: ${notice.message}`}
            data-testid="notice-dismiss"
            onClick={() => dismiss(notice.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
