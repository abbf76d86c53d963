import { useMemo, useState } from 'react';
import {
  draftOf,
  parseContactSettings,
  type ContactSettingsDraft,
} from '../../src-shared/contact-settings/settings-form';
import type { Store } from '../../src-shared/domain/tenant';
import { sendChange } from '../changes/send-change';

const same = (a: ContactSettingsDraft, b: ContactSettingsDraft) =>
  JSON.stringify(a) === JSON.stringify(b);

export type SaveState = 'idle' | 'saving' | 'saved';

/**
 * The contact settings form of one store: the draft as typed, its errors (shown for a field
 * once it was left, and for all after a Save), Save and Reset. While nothing is changed, the
 * form follows the store as the replica has it (another desktop's save arrives live).
 */
export function useContactSettingsForm(store: Store) {
  const saved = useMemo(() => draftOf(store), [store]);
  // The draft; the settings it started from; the store's saved settings last seen. A new saved
  // version replaces a draft nobody has changed since, and leaves one being edited alone.
  // Adjusted while rendering (not in an effect), as React advises for state derived from props.
  const [form, setForm] = useState({ draft: saved, basedOn: saved, seen: saved });
  if (!same(form.seen, saved)) {
    const untouched = same(form.draft, form.basedOn);
    setForm({ draft: untouched ? saved : form.draft, basedOn: saved, seen: saved });
  }
  const { draft } = form;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');

  const read = useMemo(() => parseContactSettings(draft), [draft]);
  const errors = read.ok ? {} : read.errors;
  const errorFor = (key: string): string | null =>
    (submitted || touched.has(key)) && errors[key] ? errors[key] : null;

  const change = (patch: Partial<ContactSettingsDraft>) => {
    setForm((current) => ({ ...current, draft: { ...current.draft, ...patch } }));
    setSaveState('idle');
  };

  return {
    draft,
    change,
    errorFor,
    touch: (key: string) => setTouched((keys) => new Set(keys).add(key)),
    dirty: !same(draft, saved),
    saveState,
    /** Every problem once Save was pressed and refused; null while there is none to show. */
    problemCount: submitted && !read.ok ? Object.keys(read.errors).length : 0,
    formProblem: submitted ? (errors.form ?? null) : null,
    async save(): Promise<boolean> {
      setSubmitted(true);
      if (!read.ok) return false;
      setSaveState('saving');
      const { contacts, crm, dispositions } = read.value;
      const sent = await sendChange(
        'updateStoreSettings',
        { storeId: store.id, contacts, crm, dispositions },
        `save the contact settings of ${store.name}`,
      );
      if (!sent) {
        setSaveState('idle');
        return false;
      }
      // What was saved, as the form shows it (phones formatted, default address filled in).
      const shown = draftOf({ contacts, crm, dispositions });
      setForm((current) => ({ ...current, draft: shown, basedOn: shown }));
      setSubmitted(false);
      setTouched(new Set());
      setSaveState('saved');
      return true;
    },
    reset() {
      setForm({ draft: saved, basedOn: saved, seen: saved });
      setSubmitted(false);
      setTouched(new Set());
      setSaveState('idle');
    },
  };
}

export type ContactSettingsForm = ReturnType<typeof useContactSettingsForm>;
