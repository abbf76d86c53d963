import { join } from 'node:path';
import { DEMO_TENANT, DEMO_USERS, generateDemo } from '../../../src-shared/demo';
import type { Appointment } from '../../../src-shared/domain/appointment';
import type { SavedReply } from '../../../src-shared/domain/catalog';
import type {
  Campaign,
  Label,
  Lead,
  Message,
  Store,
  TimelineEvent,
  User,
} from '../../../src-shared/domain';
import { leadDisplayName } from '../../../src-shared/domain/lead';
import { messagePreview } from '../../../src-shared/domain/message-preview';
import type { SyncChange } from '../../../src-shared/sync/changes';
import { bulkLoad } from '../../../src-main/replica/bulk-load';
import { META_KEYS } from '../../../src-main/replica/local/meta';
import { openReplica } from '../../../src-main/replica/open';
import { FOREIGN_ORIGIN, HOSTILE_PAYLOADS, type HostilePayload } from './hostile-corpus';

/** The local demo signs in as this agent (src-main/core/demo-data.ts). */
const DEMO_AGENT_EMAIL = 'agent1@demo.test';

/** What the screens must show for one hostile lead, character for character. */
export interface HostileLead {
  id: string;
  payload: HostilePayload;
  /** The queue row's and the lead header's name. */
  name: string;
  preview: string;
  notesExcerpt: string | null;
  /** "Store · Campaign" as the queue row shows the campaign part. */
  campaignName: string | null;
  labelName: string | null;
  /** Thread item id -> the text its bubble or event line must read. */
  messageTexts: Map<string, string>;
  eventTexts: Map<string, string>;
  /** The lead's notes (timeline events of kind note), newest last: the extended info's list. */
  noteTexts: Map<string, string>;
  storeId: string;
}

/** An appointment of a hostile lead, with the words its row on the Appointments page shows. */
export interface HostileAppointment {
  id: string;
  storeId: string;
  startsAt: number;
  leadName: string;
  vehicle: string;
  note: string;
}

export interface HostileDemo {
  leads: HostileLead[];
  labels: Label[];
  campaigns: Campaign[];
  stores: Store[];
  users: User[];
  tenantName: string;
  /** Every store's, with a payload in the title and the body. */
  savedReplies: SavedReply[];
  appointments: HostileAppointment[];
}

/** The payloads that fit a field of `max` characters, in turn (index i gets the i-th). */
function fitting(max: number): HostilePayload[] {
  return HOSTILE_PAYLOADS.filter((p) => p.text.length <= max);
}
const pick = (list: HostilePayload[], i: number) => list[i % list.length]!;

/**
 * The demo dealer group with a hostile payload in every text field a screen shows, as the cloud
 * would store it (each within its schema's length): lead i (from 1; lead 0 is the clean
 * fixture) carries payload i-1 as its name, every message body and timeline text, its preview
 * and notes excerpt, an attachment name and a label of its own, and the vehicle and note of its
 * appointments; campaign names, store names, streets and campaign notes, user names, saved
 * reply titles and bodies and the tenant's name carry payloads too. Attachments point at
 * FOREIGN_ORIGIN, which the page must never load.
 */
export function hostileDemo(now: number): { changes: SyncChange[][]; expected: HostileDemo } {
  const leadCount = HOSTILE_PAYLOADS.length + 1;
  const byLead = new Map<string, HostileLead>();
  const expected: HostileDemo = {
    leads: [],
    labels: [],
    campaigns: [],
    stores: [],
    users: [],
    tenantName: '',
    savedReplies: [],
    appointments: [],
  };
  const names = fitting(100);
  const shortOnes = fitting(60);
  const mid = fitting(200);
  const campaignNames = new Map<string, string>();
  const attached = new Set<string>();
  let leadIndex = 0;
  /** One label per hostile lead, added to the tenant's list beside the demo's own. */
  const labels: Label[] = HOSTILE_PAYLOADS.map((_, i) => ({
    id: `hostile-label-${i + 1}`,
    tenantId: DEMO_TENANT.id,
    name: pick(shortOnes, i).text,
    color: '#a11d1d',
  }));
  expected.labels = labels;
  /** Saved replies for every store (so any lead's picker lists them), payloads in both fields. */
  const savedReplies: SavedReply[] = fitting(100).map((titled, i) => ({
    id: `hostile-reply-${i + 1}`,
    tenantId: DEMO_TENANT.id,
    storeId: null,
    title: titled.text,
    body: pick(fitting(2000), i + 9).text,
  }));
  expected.savedReplies = savedReplies;

  const rewrite = (change: SyncChange): SyncChange => {
    if (change.op !== 'upsert') return change;
    switch (change.table) {
      case 'tenants': {
        const row = { ...change.row, name: pick(mid, 7).text };
        expected.tenantName = row.name;
        return { ...change, row };
      }
      case 'stores': {
        const i = expected.stores.length;
        const notes = [
          pick(
            HOSTILE_PAYLOADS.filter((p) => p.text.length <= 600),
            i,
          ),
        ];
        // The name shows in the details pane, the pickers and the composer's {store.name}.
        const row: Store = {
          ...change.row,
          name: pick(names, i + 17).text,
          address: { ...change.row.address, street: pick(mid, i + 21).text },
          campaignNotes: notes.map((p) => p.text).join('\n'),
        };
        expected.stores.push(row);
        return { ...change, row };
      }
      case 'campaigns': {
        const row: Campaign = {
          ...change.row,
          name: pick(mid, expected.campaigns.length + 3).text,
        };
        campaignNames.set(row.id, row.name);
        expected.campaigns.push(row);
        return { ...change, row };
      }
      case 'users': {
        const i = expected.users.length;
        const row: User = { ...change.row, name: pick(names, i + 11).text };
        expected.users.push(row);
        return { ...change, row };
      }
      case 'leads': {
        const index = leadIndex++;
        if (index === 0) return change;
        const payload = HOSTILE_PAYLOADS[index - 1]!;
        const label = labels[index - 1]!;
        const firstName = payload.text.length <= 100 ? payload.text : null;
        const row: Lead = {
          ...change.row,
          firstName,
          lastName: firstName ? null : `Long ${payload.id}`,
          notesExcerpt: payload.text.length <= 500 ? payload.text : null,
          labelIds: [label.id],
          lastMessagePreview: messagePreview({ body: payload.text, media: [] }),
        };
        byLead.set(row.id, {
          id: row.id,
          payload,
          name: leadDisplayName(row),
          preview: row.lastMessagePreview ?? '',
          notesExcerpt: row.notesExcerpt,
          campaignName: row.campaignId ? (campaignNames.get(row.campaignId) ?? null) : null,
          labelName: label.name,
          messageTexts: new Map(),
          eventTexts: new Map(),
          noteTexts: new Map(),
          storeId: row.storeId,
        });
        return { ...change, row };
      }
      case 'messages': {
        const lead = byLead.get(change.row.leadId);
        if (!lead) return change;
        // One attachment per lead, on its first message: its name shows, its URL never loads.
        const media: Message['media'] = attached.has(lead.id)
          ? []
          : [
              {
                url: `${FOREIGN_ORIGIN}/attachment-${lead.payload.id}.png`,
                contentType: 'image/png',
                name: pick(mid, lead.messageTexts.size + 5).text,
              },
            ];
        attached.add(lead.id);
        const row: Message = { ...change.row, body: lead.payload.text, media };
        lead.messageTexts.set(
          row.id,
          // An image the page may not load (a foreign origin) shows its name in the fallback.
          row.body + media.map((m) => `Image not available: ${m.name || 'image'}`).join(''),
        );
        return { ...change, row };
      }
      case 'timeline_events': {
        const lead = byLead.get(change.row.leadId);
        if (!lead) return change;
        const row: TimelineEvent = { ...change.row, text: lead.payload.text };
        lead.eventTexts.set(row.id, row.text);
        if (row.kind === 'note') lead.noteTexts.set(row.id, row.text);
        return { ...change, row };
      }
      case 'appointments': {
        const lead = byLead.get(change.row.leadId);
        if (!lead) return change;
        const i = expected.appointments.length;
        const row: Appointment = {
          ...change.row,
          vehicle: pick(mid, i + 2).text,
          note: pick(
            HOSTILE_PAYLOADS.filter((p) => p.text.length <= 2000),
            i + 13,
          ).text,
        };
        expected.appointments.push({
          id: row.id,
          storeId: row.storeId,
          startsAt: row.startsAt,
          leadName: lead.name,
          vehicle: row.vehicle ?? '',
          note: row.note ?? '',
        });
        return { ...change, row };
      }
      default:
        return change;
    }
  };

  const changes: SyncChange[][] = [];
  for (const batch of generateDemo({ seed: 1, leads: leadCount, now })) {
    const rewritten = batch.map(rewrite);
    // The hostile labels and saved replies join the tenant's lists, before the leads.
    if (batch.some((c) => c.table === 'labels')) {
      rewritten.push(
        ...labels.map((row) => ({ table: 'labels', op: 'upsert', row }) as SyncChange),
        ...savedReplies.map((row) => ({ table: 'saved_replies', op: 'upsert', row }) as SyncChange),
      );
    }
    changes.push(rewritten);
  }
  expected.leads = [...byLead.values()];
  return { changes, expected };
}

/**
 * Fills `${dataDir}/replica.db` with the hostile demo, as src-main/core/demo-data.ts loads the
 * local demo (the host then finds it full and loads nothing of its own).
 */
export function writeHostileReplica(dataDir: string, now: number): HostileDemo {
  const { changes, expected } = hostileDemo(now);
  const opened = openReplica(join(dataDir, 'replica.db'));
  if (!opened.ok) throw new Error(opened.health.message);
  const agent = DEMO_USERS.find((u) => u.email === DEMO_AGENT_EMAIL);
  if (!agent) throw new Error(`the demo has no ${DEMO_AGENT_EMAIL}`);
  try {
    bulkLoad(opened.replica, changes);
    opened.replica.setMeta(META_KEYS.userId, agent.id);
  } finally {
    opened.replica.close();
  }
  return expected;
}
