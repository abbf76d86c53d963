import type { Channel } from '../../src-shared/domain/conversation';
import { AdfInputError, type AdfWordPosition } from './adf-input';
import { xmlSafeLine } from './adf-text';

export const PRODUCT_NAME = 'Showroom';
export const ADF_WORD_MAX = 40;

/** "Showroom" with the store's word before or after it; an empty word leaves "Showroom". */
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
  if (!clean) return PRODUCT_NAME;
  return position === 'before' ? `${clean} ${PRODUCT_NAME}` : `${PRODUCT_NAME} ${clean}`;
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
