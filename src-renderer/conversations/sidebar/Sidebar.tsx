import { FilterPanel } from './FilterPanel';
import { FolderList } from './FolderList';
import { SearchBox } from './SearchBox';
import { useSidebar } from './sidebar-store';

export function Sidebar() {
  const searchEpoch = useSidebar((s) => s.searchEpoch);
  return (
    <aside className="sidebar" data-testid="sidebar">
      <SearchBox key={searchEpoch} />
      <div className="sidebar-scroll">
        <FolderList />
        <FilterPanel />
      </div>
    </aside>
  );
}
