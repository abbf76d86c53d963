import { z } from 'zod';

/** A lead starts as New; Dead means opted out or asked us to stop. */
export const LEAD_STATUSES = ['new', 'hot', 'warm', 'cold', 'follow_up', 'sold', 'dead'] as const;
export const LeadStatus = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof LeadStatus>;

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  hot: 'Hot',
  warm: 'Warm',
  cold: 'Cold',
  follow_up: 'Follow Up',
  sold: 'Sold',
  dead: 'Dead',
};

export const LEAD_SOURCES = [
  'Text',
  'Chat',
  'Email',
  'Facebook',
  'Phone',
  'ADF import',
  'Website',
] as const;
export const LeadSource = z.enum(LEAD_SOURCES);
export type LeadSource = z.infer<typeof LeadSource>;
