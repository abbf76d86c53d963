import type { Channel } from '../../src-shared/domain/conversation';
import {
  ADF_WORD_MAX,
  PRODUCT_NAME,
  providerName as composeProviderName,
} from '../../src-shared/contact-settings/provider-name';
import { AdfInputError, type AdfWordPosition } from './adf-input';
import { xmlSafeLine } from './adf-text';

export { ADF_WORD_MAX, PRODUCT_NAME };

/**
 * The provider name as the ADF document carries it: the shared rule (the settings screen
 * previews the same), with what XML cannot hold dropped and bad input refused by name.
 */
export function providerName(word: string, position: AdfWordPosition): string {
  if (position !== 'before' && position !== 'after') {
    throw new AdfInputError(
      `adfWordPosition must be "before" or "after", not ${JSON.stringify(position)}`,
    );
  }
  const clean = xmlSafeLine(word);
  if (Array.from(clean).length > ADF_WORD_MAX) {
    throw new AdfInputError(`the ADF word is longer than ${ADF_WORD_MAX} characters`);
  }
  return composeProviderName(clean, position);
}

const SERVICES: Record<Channel, string> = {
  sms: 'text',
  chat: 'chat',
  messenger: 'chat',
  voice: 'call',
  email: 'email',
};

/** The provider's service: the channel the customer reached the store on, as CRMs word it. */
export function serviceOf(channel: Channel | null): string | null {
  return channel ? SERVICES[channel] : null;
}
