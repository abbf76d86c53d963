import { useEffect, useId, useRef, useState } from 'react';
import { useScreen } from '../app/screen-store';
import { useDirectory } from '../directory/directory-store';
import { canEditStoreSettings, editableStores } from './can-edit-store-settings';
import { ContactSettingsForm } from './ContactSettingsForm';

/**
 * A store's contact settings (seed 002) for managers and admins: who is emailed and texted,
 * how leads reach the CRM, the dispositions, the numbers. One store at a time, from a picker.
 */
export function ContactSettingsScreen() {
  const directory = useDirectory((s) => s.directory);
  const me = directory?.me;
  const stores = editableStores(me, directory?.stores ?? []);
  const [picked, setPicked] = useState<string | null>(null);
  const store = stores.find((s) => s.id === picked) ?? stores[0] ?? null;
  const heading = useRef<HTMLHeadingElement>(null);
  const pickerId = useId();

  useEffect(() => heading.current?.focus(), []);

  return (
    <main
      className="settings-screen contact-settings"
      data-testid="contact-settings"
      aria-labelledby="contact-settings-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') useScreen.getState().back();
      }}
    >
      <div className="screen-head">
        <h1 id="contact-settings-title" ref={heading} tabIndex={-1}>
          Contact settings
        </h1>
        <button
          type="button"
          className="button-quiet screen-close"
          data-testid="contact-settings-close"
          onClick={() => useScreen.getState().back()}
        >
          Back to console
        </button>
      </div>
      {!canEditStoreSettings(me?.role) ? (
        <p className="form-error" role="alert">
          Only managers and admins can change a store’s contact settings.
        </p>
      ) : !store ? (
        <p className="screen-intro">You manage no store yet.</p>
      ) : (
        <>
          <p className="screen-intro">
            Who hears about the store’s leads, and how they reach its CRM. Save applies them to
            every desktop.
          </p>
          <div className="cs-field cs-store">
            <label htmlFor={pickerId}>Store</label>
            <select
              id={pickerId}
              data-testid="contact-settings-store"
              value={store.id}
              onChange={(e) => setPicked(e.target.value)}
            >
              {stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <ContactSettingsForm key={store.id} store={store} />
        </>
      )}
    </main>
  );
}
