import { z } from 'zod';
import { Id } from '../domain/common';
import { LeadSource } from '../domain/lead-status';

/** The sentinel assignee id that means "nobody is assigned". */
export const UNASSIGNED = 'unassigned';

/**
 * The sidebar filters. An empty list does not narrow; within a list any value matches;
 * across lists every list must match.
 */
export const QueueFilters = z.object({
  storeIds: z.array(Id).max(1000),
  campaignIds: z.array(Id).max(1000),
  labelIds: z.array(Id).max(200),
  assigneeIds: z.array(Id).max(1000),
  sources: z.array(LeadSource).max(20),
});
export type QueueFilters = z.infer<typeof QueueFilters>;

export const NO_FILTERS: QueueFilters = {
  storeIds: [],
  campaignIds: [],
  labelIds: [],
  assigneeIds: [],
  sources: [],
};

export interface FilterFacts {
  storeId: string;
  campaignId: string | null;
  assignedUserId: string | null;
  source: LeadSource;
  labelIds: readonly string[];
}

export function matchesFilters(lead: FilterFacts, filters: QueueFilters): boolean {
  const anyOf = (wanted: readonly string[], value: string | null) =>
    wanted.length === 0 || (value !== null && wanted.includes(value));
  return (
    anyOf(filters.storeIds, lead.storeId) &&
    anyOf(filters.campaignIds, lead.campaignId) &&
    anyOf(filters.assigneeIds, lead.assignedUserId ?? UNASSIGNED) &&
    anyOf(filters.sources, lead.source) &&
    (filters.labelIds.length === 0 || lead.labelIds.some((id) => filters.labelIds.includes(id)))
  );
}

export function isFiltered(filters: QueueFilters): boolean {
  return Object.values(filters).some((list) => list.length > 0);
}
