import * as initial from './001-initial';
import * as localEffects from './002-local-effects';
import * as searchStale from './003-search-stale';
import * as noDispositionsTable from './004-no-dispositions-table';

export interface Migration {
  version: number;
  /** Plain SQL, run in one transaction together with the `user_version` bump. */
  up: string;
}

/** Every migration, oldest first; versions count up from 1 without gaps (a test holds this). */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  localEffects,
  searchStale,
  noDispositionsTable,
];

export const LATEST_VERSION = MIGRATIONS.length;
