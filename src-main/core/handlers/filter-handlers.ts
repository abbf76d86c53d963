import { ok } from '../../../src-shared';
import type { HandlerTable } from './handler';

/** The tables a saved-filters change touches, so views that show them re-query. */
export const SAVED_FILTERS_TABLES = ['saved_filters', 'outbox'];

export const filterHandlers: Pick<HandlerTable, 'getSavedFilters' | 'saveFilters'> = {
  getSavedFilters: (_args, { replica }) => ok(replica().savedFilters()),

  saveFilters: ({ filters }, { replica, emit, sync }) => {
    const saved = replica().saveFilters(filters);
    emit('replicaChanged', { tables: SAVED_FILTERS_TABLES });
    sync.outboxChanged();
    return ok(saved);
  },
};
