import { useEffect, useState } from 'react';
import { useSidebar } from './sidebar-store';

/** Waits for a pause in typing so that each keystroke does not query the replica. */
const DEBOUNCE_MS = 250;

export function SearchBox() {
  const setSearch = useSidebar((s) => s.setSearch);
  const [text, setText] = useState(() => useSidebar.getState().search);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, setSearch]);

  return (
    <div className="search-box">
      <input
        type="search"
        data-testid="search-input"
        aria-label="Search leads"
        placeholder="Search name, phone, email…"
        title="Search by name, phone (any format), email, message text or lead id"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setSearch(text);
          if (e.key === 'Escape') setText('');
        }}
      />
    </div>
  );
}
