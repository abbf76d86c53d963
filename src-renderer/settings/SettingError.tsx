/** Why a setting was not saved, beside it; announced as it appears. */
export function SettingError(props: { id: string; field: string; error: string | null }) {
  if (!props.error) return null;
  return (
    <p
      className="setting-error"
      id={props.id}
      role="alert"
      data-testid="settings-error"
      data-field={props.field}
    >
      {props.error}
    </p>
  );
}
