import type { Channel, Lead, Message, SyncChange, SyncRow, User } from '../../../src-shared';
import type { Notifier } from '../ports';
import { burstNotice, messageNotice } from './notice-text';

export interface MessageNoticesOptions {
  notifier: Pick<Notifier, 'toast'>;
  /** The replica's rows, after the pull landed; null when there is no replica. */
  row<T extends 'leads' | 'conversations'>(table: T, id: string): SyncRow<T> | null;
  me(): User | null;
  /** The lead the person is reading now (open in the console, at the desk), or null. */
  watching(): string | null;
  /** The Play sounds setting: a notice chimes when it is on. */
  playSounds(): boolean;
  /** A notice was clicked: the console, on that lead (null: as it is). */
  openConsole(leadId: string | null): void;
  now(): number;
}

/**
 * Older than this when it reaches us, a message is history (a desktop that was off all night),
 * not news. Measured against this PC's clock, so a cloud clock a little ahead or behind is fine.
 */
export const RECENT_MS = 10 * 60_000;
/** More notices than this from one pull become one summary. */
export const MAX_NOTICES_PER_PULL = 3;
/** Messages remembered as told (or deliberately not told), so a re-sent row never tells twice. */
const REMEMBERED = 5_000;

/**
 * Errors the relay gives an inbound message the customer did not write (write-email-notice.ts):
 * an out-of-office or a bounce is shown in the thread but is nobody's news.
 */
const NOT_FROM_THE_CUSTOMER = new Set(['auto_reply', 'bounce']);

/**
 * Tells the person at this desk about a customer's new message on a lead that is theirs
 * (assigned to them, or they collaborate on it), issues 5 and 6: one notification per message,
 * clicked to open the lead. Never for history (a first sync, or anything older than RECENT_MS),
 * never twice for one message, never for the lead they are reading.
 */
export class MessageNotices {
  private readonly told = new Set<string>();

  constructor(private readonly options: MessageNoticesOptions) {}

  /** A pulled page, applied to the replica. */
  pulled(changes: readonly SyncChange[], { firstSync }: { firstSync: boolean }): void {
    const me = this.options.me();
    const news: { message: Message; lead: Lead }[] = [];
    for (const change of changes) {
      if (change.table !== 'messages' || change.op !== 'upsert') continue;
      const message = change.row;
      if (this.told.has(message.id)) continue;
      this.remember(message.id);
      if (firstSync || !me || !this.isNews(message)) continue;
      const lead = this.options.row('leads', message.leadId);
      if (!lead || !isMine(lead, me.id)) continue;
      if (this.options.watching() === lead.id) continue;
      news.push({ message, lead });
    }
    if (news.length > MAX_NOTICES_PER_PULL) return this.toastBurst(news);
    for (const { message, lead } of news) this.toastOne(message, lead);
  }

  private isNews(message: Message): boolean {
    if (message.direction !== 'in') return false;
    if (message.errorCode !== null && NOT_FROM_THE_CUSTOMER.has(message.errorCode)) return false;
    return message.createdAt >= this.options.now() - RECENT_MS;
  }

  private toastOne(message: Message, lead: Lead): void {
    const channel: Channel | null =
      this.options.row('conversations', message.conversationId)?.channel ?? null;
    this.options.notifier.toast({
      ...messageNotice(message, lead, channel),
      sound: this.options.playSounds(),
      onClick: () => this.options.openConsole(lead.id),
    });
  }

  private toastBurst(news: { message: Message; lead: Lead }[]): void {
    const leads = [...new Map(news.map(({ lead }) => [lead.id, lead])).values()];
    const only = leads.length === 1 ? leads[0] : undefined;
    this.options.notifier.toast({
      ...burstNotice(news.length, leads),
      sound: this.options.playSounds(),
      // One lead: its thread; several: the console, whose Awaiting Response lists them.
      onClick: () => this.options.openConsole(only?.id ?? null),
    });
  }

  private remember(messageId: string): void {
    this.told.add(messageId);
    if (this.told.size > REMEMBERED) {
      const oldest = this.told.values().next().value;
      if (oldest !== undefined) this.told.delete(oldest);
    }
  }
}

function isMine(lead: Lead, userId: string): boolean {
  return lead.assignedUserId === userId || lead.collaboratorIds.includes(userId);
}
