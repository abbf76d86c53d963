import { useMemo } from 'react';
import { isFiltered, UNASSIGNED } from '../../../src-shared/folders/filters';
import { useDirectory } from '../../directory/directory-store';
import { FilterChecklist, type FilterOption } from './FilterChecklist';
import { sameFilters, useSidebar } from './sidebar-store';

const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label);

export function FilterPanel() {
  const directory = useDirectory((s) => s.directory);
  const storesById = useDirectory((s) => s.storesById);
  const storeFilter = useSidebar((s) => s.filters.storeIds);

  const options = useMemo(() => {
    if (!directory) return null;
    // With stores picked, only their campaigns are worth offering.
    const campaigns = directory.campaigns.filter(
      (c) => storeFilter.length === 0 || storeFilter.includes(c.storeId),
    );
    return {
      stores: directory.stores.map((s) => ({ value: s.id, label: s.name })).sort(byLabel),
      campaigns: campaigns
        .map((c) => ({ value: c.id, label: c.name, hint: storesById.get(c.storeId)?.name }))
        .sort(byLabel),
      labels: directory.labels
        .map((l) => ({ value: l.id, label: l.name, color: l.color }))
        .sort(byLabel),
      assignees: [
        { value: UNASSIGNED, label: 'Unassigned' },
        ...directory.users.map((u) => ({ value: u.id, label: u.name })).sort(byLabel),
      ],
      sources: directory.sources.map((s) => ({ value: s, label: s })),
    };
  }, [directory, storesById, storeFilter]);

  return (
    <section className="sidebar-section filters">
      <div className="filters-header">
        <h3 className="sidebar-heading">Filters</h3>
        <FilterButtons />
      </div>
      {options && (
        <>
          <FilterChecklist kind="storeIds" title="Stores" options={options.stores} searchable />
          <FilterChecklist kind="campaignIds" title="Campaigns" options={options.campaigns} />
          <FilterChecklist kind="labelIds" title="Labels" options={options.labels} />
          <FilterChecklist kind="assigneeIds" title="Assignees" options={options.assignees} />
          <FilterChecklist kind="sources" title="Lead sources" options={options.sources} />
        </>
      )}
    </section>
  );
}

function FilterButtons() {
  const unsaved = useSidebar((s) => !sameFilters(s.filters, s.savedFilters));
  const empty = useSidebar((s) => !isFiltered(s.filters));
  const save = useSidebar((s) => s.saveFilters);
  const reset = useSidebar((s) => s.resetFilters);
  return (
    <div className="filters-buttons">
      <button
        type="button"
        className="button-small"
        data-testid="filters-save"
        disabled={!unsaved}
        onClick={() => void save()}
      >
        {unsaved ? 'Save' : 'Saved'}
      </button>
      <button
        type="button"
        className="button-small button-quiet"
        data-testid="filters-reset"
        disabled={empty && !unsaved}
        onClick={() => void reset()}
      >
        Reset
      </button>
    </div>
  );
}
