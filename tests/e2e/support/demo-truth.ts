import type { Appointment, Lead, Message, TimelineEvent } from '../../../src-shared/domain';
import { generateDemo } from '../../../src-shared/demo';
import { matchesFilters, NO_FILTERS, type QueueFilters } from '../../../src-shared/folders/filters';
import {
  emptyFolderCounts,
  FOLDERS,
  isInFolder,
  type Folder,
  type FolderCounts,
  type FolderFacts,
} from '../../../src-shared/folders/folders';
import type { SyncChange } from '../../../src-shared/sync/changes';

export interface DemoOptions {
  leads: number;
  seed: number;
  now: () => number;
}

/**
 * The demo the host loaded, generated again in the test and read with the pure rules of
 * src-shared (isInFolder, matchesFilters) instead of the replica's SQL. When the console shows a
 * number, this is what says whether it is true.
 */
export class DemoTruth {
  readonly leads = new Map<string, Lead>();
  private readonly messages = new Map<string, Message[]>();
  private readonly events = new Map<string, TimelineEvent[]>();
  private readonly appointments = new Map<string, Appointment[]>();

  constructor(options: DemoOptions) {
    for (const batch of generateDemo({
      seed: options.seed,
      leads: options.leads,
      now: options.now(),
    })) {
      for (const change of batch) this.apply(change);
    }
  }

  private apply(change: SyncChange): void {
    if (change.op !== 'upsert') return;
    const pushTo = <T extends { id: string }>(map: Map<string, T[]>, leadId: string, row: T) => {
      const list = map.get(leadId) ?? [];
      map.set(leadId, [...list.filter((r) => r.id !== row.id), row]);
    };
    switch (change.table) {
      case 'leads':
        this.leads.set(change.row.id, change.row);
        break;
      case 'messages':
        pushTo(this.messages, change.row.leadId, change.row);
        break;
      case 'timeline_events':
        pushTo(this.events, change.row.leadId, change.row);
        break;
      case 'appointments':
        pushTo(this.appointments, change.row.leadId, change.row);
        break;
      default:
        break;
    }
  }

  folderFacts(lead: Lead): FolderFacts {
    const appointments = this.appointments.get(lead.id) ?? [];
    return {
      status: lead.status,
      awaitingSince: lead.awaitingSince,
      doneAt: lead.doneAt,
      bookedAppointments: appointments.filter((a) => a.status === 'booked').length,
      showedAppointments: appointments.filter((a) => a.status === 'showed').length,
      scheduledMessages: (this.messages.get(lead.id) ?? []).filter((m) => m.status === 'scheduled')
        .length,
    };
  }

  leadIdsIn(folder: Folder, filters: QueueFilters = NO_FILTERS): Set<string> {
    const ids = new Set<string>();
    for (const lead of this.leads.values()) {
      if (matchesFilters(lead, filters) && isInFolder(this.folderFacts(lead), folder))
        ids.add(lead.id);
    }
    return ids;
  }

  counts(filters: QueueFilters = NO_FILTERS): FolderCounts {
    const counts = emptyFolderCounts();
    for (const folder of FOLDERS) counts[folder] = this.leadIdsIn(folder, filters).size;
    return counts;
  }

  /** A lead's messages and timeline events, oldest first. */
  thread(leadId: string): Array<{ id: string; at: number }> {
    return [
      ...(this.messages.get(leadId) ?? []).map((m) => ({ id: m.id, at: m.createdAt })),
      ...(this.events.get(leadId) ?? []).map((e) => ({ id: e.id, at: e.createdAt })),
    ].sort((a, b) => a.at - b.at);
  }

  /** Every appointment of the demo, as generated. */
  allAppointments(): Appointment[] {
    return [...this.appointments.values()].flat();
  }

  messagesOf(leadId: string): readonly Message[] {
    return this.messages.get(leadId) ?? [];
  }
}
