import type { CloudServices } from '../services';
import type { TextingPort } from '../texting/texting-port';
import { loadTwilioAccount } from './account';
import { twilioClient } from './client';
import { storeOfNumber } from './tenant-of';

type TexterServices = Pick<CloudServices, 'db' | 'secrets' | 'config'>;

/**
 * The cloud's own texts (missed-lead alerts to a store's SMS notification number) through
 * Twilio: from the store's texting number, on the account of the dealer group that owns it.
 * With no texting number or no Twilio account there is nobody to send as: `fallback` says so.
 * These go to the dealership's staff, not to customers, so no consent check applies.
 */
export function twilioTexter(services: TexterServices, fallback: TextingPort): TextingPort {
  return {
    async send(text) {
      const store = text.from ? await storeOfNumber(services.db, text.from) : null;
      const account =
        store && (await loadTwilioAccount(services.db, services.secrets, store.tenantId));
      if (!store?.textingNumber || !account) return fallback.send(text);
      await twilioClient(account, services.config.twilioApiOrigin).messages.create({
        from: store.textingNumber,
        to: text.to,
        body: text.body,
      });
    },
  };
}
