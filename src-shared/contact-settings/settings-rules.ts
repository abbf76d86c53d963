import type { StoreContacts, StoreCrm } from '../domain/store-contacts';
import { DO_NOT_SEND } from './crm-entry';

/** What the settings screen saves for one store (the `updateStoreSettings` mutation). */
export interface StoreSettings {
  contacts: StoreContacts;
  crm: StoreCrm;
  dispositions: string[];
}

/**
 * The rules the schemas cannot say, checked by the cloud on every save and by the screen
 * first: the first problem in words, or null.
 */
export function storeSettingsProblem({ crm, dispositions }: StoreSettings): string | null {
  if (crm.displayOption === 'selection' && crm.selectionList.length === 0) {
    return 'the CRM selection list needs at least one address to offer';
  }
  const names = new Set<string>();
  for (const entry of crm.selectionList) {
    const name = entry.name.toLowerCase();
    if (name === DO_NOT_SEND.toLowerCase()) {
      return `“${DO_NOT_SEND}” is always in the CRM selection list already`;
    }
    if (names.has(name)) return `the CRM selection list names “${entry.name}” twice`;
    names.add(name);
  }
  const seen = new Set<string>();
  for (const disposition of dispositions) {
    if (seen.has(disposition.toLowerCase()))
      return `the disposition “${disposition}” is listed twice`;
    seen.add(disposition.toLowerCase());
  }
  return null;
}
