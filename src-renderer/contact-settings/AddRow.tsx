import type { ReactNode } from 'react';

/** The fields that add an entry to a list, and their Add button: Enter in any field adds too. */
export function AddRow(props: { onAdd(): void; children: ReactNode }) {
  return (
    <div
      className="cs-add-row"
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          props.onAdd();
        }
      }}
    >
      {props.children}
    </div>
  );
}
