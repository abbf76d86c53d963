import type { CloudServices } from '../services';

/** What the relay needs of the cloud: the database, mail out, offers, the clock, its config. */
export type RelayServices = Pick<
  CloudServices,
  'db' | 'mailer' | 'texter' | 'log' | 'now' | 'config' | 'publicUrl' | 'groupedWrites'
>;

/** Where a stored attachment is fetched (GET /v1/media/:id, src-cloud/media). */
export function mediaUrlOf(services: RelayServices): (id: string) => string {
  const base = services.publicUrl().replace(/\/+$/, '');
  return (id) => `${base}/v1/media/${id}`;
}

/** A message body fits the synced schema (20,000 characters). */
export function clipBody(text: string): string {
  return text.length <= 20_000 ? text : `${text.slice(0, 19_990)} [cut]`;
}
