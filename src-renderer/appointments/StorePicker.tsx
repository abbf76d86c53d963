import { useId, useMemo, useState } from 'react';
import type { Store } from '../../src-shared/domain/tenant';

/** Past this many stores a search narrows the list: a dealer group may have hundreds. */
const SEARCHABLE_FROM = 8;

/** The store whose day is shown: a select, with a search box above it for a long list. */
export function StorePicker(props: {
  stores: readonly Store[];
  storeId: string;
  onPick(storeId: string): void;
}) {
  const { stores, storeId, onPick } = props;
  const [query, setQuery] = useState('');
  const selectId = useId();
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    // The chosen store stays listed, or the select would show a store it cannot name.
    return q ? stores.filter((s) => s.id === storeId || s.name.toLowerCase().includes(q)) : stores;
  }, [stores, storeId, query]);

  return (
    <div className="appointments-store">
      <label htmlFor={selectId}>Store</label>
      {stores.length >= SEARCHABLE_FROM && (
        <input
          type="search"
          className="appointments-store-search"
          data-testid="appointments-store-search"
          aria-label="Find a store"
          placeholder="Find a store…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            // Typing a name picks the first store that has it, unless the chosen one has it too.
            const q = e.target.value.trim().toLowerCase();
            const matches = (s: Store) => s.name.toLowerCase().includes(q);
            const current = stores.find((s) => s.id === storeId);
            const first = q ? stores.find(matches) : undefined;
            if (first && !(current && matches(current))) onPick(first.id);
          }}
        />
      )}
      <select
        id={selectId}
        data-testid="appointments-store"
        value={storeId}
        onChange={(e) => onPick(e.target.value)}
      >
        {shown.map((store) => (
          <option key={store.id} value={store.id}>
            {store.name}
          </option>
        ))}
      </select>
    </div>
  );
}
