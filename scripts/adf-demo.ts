import type { AdfInput, AdfTranscriptLine } from '../src-cloud/crm/adf';
import { generateDemo } from '../src-shared/demo';
import type { Conversation, Lead, Message, Store, TimelineEvent, User } from '../src-shared/domain';

export interface DemoAdf {
  leadId: string;
  input: AdfInput;
}

/**
 * The first `leads` demo leads (src-shared/demo) as the ADF exporter's input: each with its
 * store and the store's primary business contact, its first conversation's channel, its notes
 * and its messages as the transcript. Yields one lead at a time, in the demo's order.
 */
export function* demoAdfInputs(options: {
  leads: number;
  seed: number;
  now: number;
}): Generator<DemoAdf> {
  const stores = new Map<string, Store>();
  const users = new Map<string, User>();
  for (const batch of generateDemo(options)) {
    const leads: Lead[] = [];
    const conversations = new Map<string, Conversation[]>();
    const messages = new Map<string, Message[]>();
    const notes = new Map<string, TimelineEvent[]>();
    const push = <T>(map: Map<string, T[]>, key: string, row: T) =>
      map.set(key, [...(map.get(key) ?? []), row]);
    for (const change of batch) {
      if (change.op !== 'upsert') continue;
      const { row } = change;
      switch (change.table) {
        case 'stores':
          stores.set(row.id, row as Store);
          break;
        case 'users':
          users.set(row.id, row as User);
          break;
        case 'leads':
          leads.push(row as Lead);
          break;
        case 'conversations':
          push(conversations, (row as Conversation).leadId, row as Conversation);
          break;
        case 'messages':
          push(messages, (row as Message).leadId, row as Message);
          break;
        case 'timeline_events':
          if ((row as TimelineEvent).kind === 'note') {
            push(notes, (row as TimelineEvent).leadId, row as TimelineEvent);
          }
          break;
        default:
          break;
      }
    }
    for (const lead of leads) {
      const store = stores.get(lead.storeId);
      if (!store) throw new Error(`demo lead ${lead.id} names unknown store ${lead.storeId}`);
      const byTime = <T extends { createdAt: number }>(rows: T[] = []) =>
        [...rows].sort((a, b) => a.createdAt - b.createdAt);
      const transcript = byTime(messages.get(lead.id)).map((message): AdfTranscriptLine => ({
        at: message.createdAt,
        from: message.direction === 'in' ? 'customer' : message.authorUserId ? 'agent' : 'system',
        author: message.authorUserId ? (users.get(message.authorUserId)?.name ?? null) : null,
        text: message.body,
      }));
      const primary =
        store.contacts.businessContacts.find((c) => c.purpose === 'primary') ??
        store.contacts.businessContacts[0];
      yield {
        leadId: lead.id,
        input: {
          lead,
          store: {
            ...store,
            contact: primary
              ? {
                  firstName: primary.firstName,
                  lastName: primary.lastName,
                  email: primary.email,
                  phone: primary.phone,
                }
              : null,
          },
          channel: byTime(conversations.get(lead.id))[0]?.channel ?? null,
          notes: byTime(notes.get(lead.id)).map((note) => note.text),
          transcript,
          repeat: false,
          adfWord: store.crm.adfWord,
          adfWordPosition: store.crm.adfWordPosition,
        },
      };
    }
  }
}
