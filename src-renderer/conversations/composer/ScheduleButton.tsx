import { useRef, useState } from 'react';
import { Popover } from '../../lib/Popover';
import { ScheduleForm } from './ScheduleForm';

/**
 * The composer's clock: picks when the reply goes out instead of now (issue 5: "the composer's
 * clock schedules a text"). The message then waits in the thread and the Scheduled folder.
 */
export function ScheduleButton(props: {
  disabled: boolean;
  timeZone: string | null;
  onSchedule(at: number): Promise<boolean>;
}) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="composer-tool"
        data-testid="composer-schedule"
        aria-label="Schedule this message for later"
        aria-expanded={open}
        title="Schedule"
        disabled={props.disabled || props.timeZone === null}
        onClick={() => setOpen((was) => !was)}
      >
        <span aria-hidden>⏲</span>
      </button>
      {open && props.timeZone && (
        <Popover anchor={trigger} align="end">
          <ScheduleForm
            timeZone={props.timeZone}
            initial={null}
            label="Schedule this message"
            submitLabel="Schedule"
            onSave={props.onSchedule}
            onCancel={close}
          />
        </Popover>
      )}
    </>
  );
}
