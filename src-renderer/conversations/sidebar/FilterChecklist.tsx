import { useMemo, useState } from 'react';
import { useSidebar, type FilterKind } from './sidebar-store';

export interface FilterOption {
  value: string;
  label: string;
  /** A second, quieter line: the store of a campaign, for instance. */
  hint?: string;
  color?: string;
}

/** Lists past this length get a search box: a dealer group may have hundreds of stores. */
const SEARCHABLE_FROM = 8;

/** One collapsible filter: checkboxes, a count of what is ticked, and a search for long lists. */
export function FilterChecklist(props: {
  kind: FilterKind;
  title: string;
  options: FilterOption[];
  /** Always offer the search box (stores: a group may have hundreds, whatever this one has). */
  searchable?: boolean;
}) {
  const { kind, title, options, searchable = options.length >= SEARCHABLE_FROM } = props;
  const selected: readonly string[] = useSidebar((s) => s.filters[kind]);
  const toggle = useSidebar((s) => s.toggleFilter);
  const [query, setQuery] = useState('');

  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return options;
    return options.filter((o) => `${o.label} ${o.hint ?? ''}`.toLowerCase().includes(q));
  }, [options, query]);

  return (
    <details className="filter" data-testid={`filter-${kind}`}>
      <summary>
        <span>{title}</span>
        {selected.length > 0 && <span className="filter-selected">{selected.length}</span>}
      </summary>
      {searchable && (
        <input
          type="search"
          className="filter-search"
          data-testid={`filter-search-${kind}`}
          aria-label={`Search ${title.toLowerCase()}`}
          placeholder={`Find ${title.toLowerCase()}…`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      )}
      <ul className="filter-options">
        {shown.map((option) => (
          <li key={option.value}>
            <label data-testid={`filter-option-${kind}`} data-value={option.value}>
              <input
                type="checkbox"
                checked={selected.includes(option.value)}
                onChange={() => toggle(kind, option.value)}
              />
              {option.color && <span className="label-dot" style={{ background: option.color }} />}
              <span className="filter-option-label">{option.label}</span>
              {option.hint && <span className="filter-option-hint">{option.hint}</span>}
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="filter-none">No match</li>}
      </ul>
    </details>
  );
}
