import type { SyncRow, SyncTable } from '../../src-shared/sync/changes';

/**
 * Who may pull a row, as the bookkeeping columns of every synced table record it
 * (db/migrations/0001-sync-tables.sql). `storeId` null means every store of the tenant; rows of
 * a lead's thread take the lead's store, which the writer looks up from `leadId`.
 */
export interface RowScope {
  storeId: string | null;
  ownerUserId: string | null;
  leadId: string | null;
}

const everyone: RowScope = { storeId: null, ownerUserId: null, leadId: null };

export function scopeOf<T extends SyncTable>(table: T, row: SyncRow<T>): RowScope {
  const r = row as SyncRow<SyncTable>;
  switch (table) {
    case 'tenants':
    case 'users':
    case 'labels':
      return everyone;
    case 'stores':
      return { ...everyone, storeId: r.id };
    case 'campaigns':
    case 'saved_replies':
    case 'funnels':
      return { ...everyone, storeId: (r as { storeId: string | null }).storeId };
    case 'settings': {
      const setting = r as SyncRow<'settings'>;
      if (setting.scope === 'store') return { ...everyone, storeId: setting.scopeId };
      if (setting.scope === 'user') return { ...everyone, ownerUserId: setting.scopeId };
      return everyone;
    }
    case 'leads':
      return { ...everyone, storeId: (r as SyncRow<'leads'>).storeId, leadId: r.id };
    // An appointment's own storeId says where the customer comes in; who sees it follows the lead.
    case 'appointments':
    case 'conversations':
    case 'messages':
    case 'timeline_events':
      return { ...everyone, leadId: (r as { leadId: string }).leadId };
    default:
      throw new Error(`no scope rule for table ${table satisfies never}`);
  }
}

/** The tables whose rows sit in a lead's thread and move with it. */
export const LEAD_CHILD_TABLES = [
  'conversations',
  'messages',
  'timeline_events',
  'appointments',
] as const satisfies readonly SyncTable[];
