import { useEffect, useId, useRef } from 'react';
import { BINDINGS, describeChord } from './bindings';
import { useShortcutsDialog } from './shortcuts-dialog-store';

/**
 * The list of shortcuts, drawn from the same table the keys are matched against. A modal
 * <dialog>: focus moves into it, Escape closes it, and focus goes back where it was.
 */
export function ShortcutsDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useShortcutsDialog((s) => s.close);

  useEffect(() => {
    const node = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // React in development mounts twice: the second time the dialog is open already.
    if (node && !node.open) node.showModal();
    return () => {
      // Only a real unmount (the node is gone) gives focus back; the trial one keeps it inside.
      if (!node?.isConnected) opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      data-testid="shortcuts-dialog"
      aria-labelledby={titleId}
      // Escape fires `cancel` then `close`; either way the store hears it.
      onClose={close}
    >
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <p className="shortcuts-intro">
        They work when you are not typing in a field. Press Esc in a field to leave it.
      </p>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {BINDINGS.map((binding) => (
            <tr key={binding.action} data-testid="shortcuts-row" data-action={binding.action}>
              <td>
                {binding.chords.map((chord, i) => (
                  <span key={describeChord(chord)}>
                    {i > 0 && <span className="shortcuts-or"> or </span>}
                    <kbd>{describeChord(chord)}</kbd>
                  </span>
                ))}
              </td>
              <td>
                {binding.label}
                {binding.scope === 'conversations' && (
                  <span className="shortcuts-scope"> (conversations)</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="button-small"
        data-testid="shortcuts-close"
        autoFocus
        onClick={close}
      >
        Close
      </button>
    </dialog>
  );
}
