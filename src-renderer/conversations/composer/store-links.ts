import type { Store } from '../../../src-shared/domain/tenant';

export type StoreLinkKind = 'directions' | 'voucher' | 'creditApp';

export interface StoreLinkButton {
  kind: StoreLinkKind;
  label: string;
  /** The text inserted into the reply; null when the store has no such link. */
  text: string | null;
  /** Why the button is off. */
  missing: string;
}

/** Send Directions, Send Voucher, Send Credit App: each store's own link, in a sentence. */
export function storeLinkButtons(store: Pick<Store, 'name' | 'links'>): StoreLinkButton[] {
  const { directions, voucher, creditApp } = store.links;
  return [
    {
      kind: 'directions',
      label: 'Send Directions',
      text: directions && `Here are directions to ${store.name}: ${directions}`,
      missing: `${store.name} has no directions link set up.`,
    },
    {
      kind: 'voucher',
      label: 'Send Voucher',
      text: voucher && `Here is your voucher for ${store.name}: ${voucher}`,
      missing: `${store.name} has no voucher link set up.`,
    },
    {
      kind: 'creditApp',
      label: 'Send Credit App',
      text: creditApp && `You can apply for financing securely here: ${creditApp}`,
      missing: `${store.name} has no credit application link set up.`,
    },
  ];
}
