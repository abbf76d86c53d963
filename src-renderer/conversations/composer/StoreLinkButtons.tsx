import type { Store } from '../../../src-shared/domain/tenant';
import { storeLinkButtons } from './store-links';

/** Send Directions, Send Voucher, Send Credit App: insert the store's own link into the reply. */
export function StoreLinkButtons(props: {
  store: Store;
  disabled: boolean;
  /** The id of the words saying why the composer is off (a Dead lead...), when it is. */
  reasonId?: string | undefined;
  onPick(text: string): void;
}) {
  const { store, disabled, reasonId, onPick } = props;
  return (
    <>
      {storeLinkButtons(store).map((button) => (
        <button
          key={button.kind}
          type="button"
          className="composer-tool"
          data-testid={`composer-link-${button.kind}`}
          disabled={disabled || button.text === null}
          aria-describedby={disabled && button.text !== null ? reasonId : undefined}
          title={button.text === null ? button.missing : `Insert ${store.name}'s link`}
          onClick={() => button.text && onPick(button.text)}
        >
          {button.label}
        </button>
      ))}
    </>
  );
}
