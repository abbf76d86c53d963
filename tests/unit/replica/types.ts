export type { Message, SyncChange, TimelineEvent, Lead, Appointment } from '../../../src-shared';
export type { Replica } from '../../../src-main/replica/replica';
