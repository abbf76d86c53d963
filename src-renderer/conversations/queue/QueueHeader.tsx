import { FOLDER_LABELS } from '../../../src-shared/folders/folders';
import { QueueSort } from '../../../src-shared/folders/queue';
import { useSidebar } from '../sidebar/sidebar-store';
import { useQueue } from './queue-store';

const SORT_LABELS: Record<QueueSort, string> = {
  newest: 'Newest',
  longest_waiting: 'Longest waiting',
};

export function QueueHeader() {
  const folder = useSidebar((s) => s.folder);
  const search = useSidebar((s) => s.search);
  const count = useSidebar((s) => (s.search ? null : (s.counts?.[s.folder] ?? null)));
  const sort = useQueue((s) => s.sort);
  const setSort = useQueue((s) => s.setSort);
  return (
    <header className="queue-header">
      <h2 className="queue-title" data-testid="queue-title">
        {search ? `Results for “${search}”` : FOLDER_LABELS[folder]}
        {count !== null && <span className="queue-title-count">{count.toLocaleString()}</span>}
      </h2>
      <label className="queue-sort">
        <span className="visually-hidden">Sort</span>
        <select
          data-testid="queue-sort"
          value={sort}
          onChange={(e) => void setSort(QueueSort.parse(e.target.value))}
        >
          {QueueSort.options.map((option) => (
            <option key={option} value={option}>
              {SORT_LABELS[option]}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
