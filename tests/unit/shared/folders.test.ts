import { describe, expect, it } from 'vitest';
import {
  FOLDERS,
  isInFolder,
  matchesFilters,
  NO_FILTERS,
  UNASSIGNED,
  type FilterFacts,
  type FolderFacts,
} from '../../../src-shared/folders';

const plain: FolderFacts = {
  status: 'new',
  awaitingSince: null,
  doneAt: null,
  bookedAppointments: 0,
  showedAppointments: 0,
  scheduledMessages: 0,
};
const inFolders = (lead: FolderFacts) => FOLDERS.filter((f) => isInFolder(lead, f));

describe('folders', () => {
  it('a new lead with nothing else is only in the Inbox', () => {
    expect(inFolders(plain)).toEqual(['inbox']);
  });

  it('a lead whose customer wrote last is Awaiting Response', () => {
    expect(inFolders({ ...plain, awaitingSince: 1 })).toEqual(['inbox', 'awaiting']);
  });

  it.each(['hot', 'warm', 'cold', 'follow_up', 'sold', 'dead'] as const)(
    'a %s lead is in its status folder and no other status folder',
    (status) => {
      expect(inFolders({ ...plain, status })).toEqual(['inbox', status]);
    },
  );

  it('appointment folders follow the appointments, scheduled messages and the done mark', () => {
    expect(inFolders({ ...plain, bookedAppointments: 1 })).toEqual(['inbox', 'appointments']);
    expect(inFolders({ ...plain, showedAppointments: 2 })).toEqual([
      'inbox',
      'appointments_showed',
    ]);
    expect(inFolders({ ...plain, scheduledMessages: 1 })).toEqual(['inbox', 'scheduled']);
    expect(inFolders({ ...plain, doneAt: 5 })).toEqual(['inbox', 'done']);
  });
});

describe('filters', () => {
  const lead: FilterFacts = {
    storeId: 's1',
    campaignId: 'c1',
    assignedUserId: null,
    source: 'Text',
    labelIds: ['l1', 'l2'],
  };

  it('no filters match every lead', () => {
    expect(matchesFilters(lead, NO_FILTERS)).toBe(true);
  });

  it('any value within one filter matches; every filter must match', () => {
    expect(matchesFilters(lead, { ...NO_FILTERS, storeIds: ['s2', 's1'] })).toBe(true);
    expect(matchesFilters(lead, { ...NO_FILTERS, storeIds: ['s1'], sources: ['Chat'] })).toBe(
      false,
    );
  });

  it('a lead with no campaign never matches a campaign filter', () => {
    expect(
      matchesFilters({ ...lead, campaignId: null }, { ...NO_FILTERS, campaignIds: ['c1'] }),
    ).toBe(false);
  });

  it('"Unassigned" finds leads nobody is assigned to', () => {
    expect(matchesFilters(lead, { ...NO_FILTERS, assigneeIds: [UNASSIGNED] })).toBe(true);
    expect(
      matchesFilters(
        { ...lead, assignedUserId: 'u1' },
        { ...NO_FILTERS, assigneeIds: [UNASSIGNED] },
      ),
    ).toBe(false);
  });

  it('a label filter matches a lead with any of the labels', () => {
    expect(matchesFilters(lead, { ...NO_FILTERS, labelIds: ['l9', 'l2'] })).toBe(true);
    expect(matchesFilters(lead, { ...NO_FILTERS, labelIds: ['l9'] })).toBe(false);
  });
});
