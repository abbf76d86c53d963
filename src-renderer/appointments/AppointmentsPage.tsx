import { useEffect, useMemo, useRef } from 'react';
import { storeDayOf } from '../../src-shared/domain/store-day';
import { consoleApi } from '../api/console-api';
import { useDirectory } from '../directory/directory-store';
import { coalesce } from '../lib/coalesce';
import { useNow } from '../lib/use-now';
import '../styles/appointments.css';
import { AppointmentRowView } from './AppointmentRowView';
import { formatDayLong } from './appointment-words';
import { useAppointments } from './appointments-store';
import { DayPicker } from './DayPicker';
import { StorePicker } from './StorePicker';

/** A store's appointments are about the showroom and the lead behind them, nothing else. */
const TABLES_SHOWN = ['appointments', 'leads', 'stores'];

const refreshShown = coalesce(() => useAppointments.getState().refresh());

/**
 * The Appointments page: one store's appointments on one of its days, times in the store's time
 * zone, each with Showed, No-show and Reschedule. Live: a change from this desk or a pull
 * re-reads the day shown.
 */
export function AppointmentsPage() {
  const directory = useDirectory((s) => s.directory);
  const storeId = useAppointments((s) => s.storeId);
  const day = useAppointments((s) => s.day);
  const answer = useAppointments((s) => s.answer);
  const loading = useAppointments((s) => s.loading);
  const heading = useRef<HTMLHeadingElement>(null);
  const now = useNow();

  const stores = useMemo(
    () => [...(directory?.stores ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [directory],
  );
  const store = stores.find((s) => s.id === storeId) ?? null;
  const today = store ? storeDayOf(now, store.timeZone) : null;

  useEffect(() => heading.current?.focus(), []);

  // First visit, another agent on this PC, or a store no longer visible: start at the first
  // store's today. Otherwise re-read what was shown: it may have changed while away.
  useEffect(() => {
    if (!directory) return;
    const state = useAppointments.getState();
    const first = stores[0];
    const stillValid =
      state.userId === directory.me.id && stores.some((s) => s.id === state.storeId);
    if (stillValid) void state.refresh();
    else if (first)
      void state.show(directory.me.id, first.id, storeDayOf(Date.now(), first.timeZone));
  }, [directory, stores]);

  useEffect(
    () =>
      consoleApi().on('replicaChanged', ({ tables }) => {
        if (tables.some((t) => TABLES_SHOWN.includes(t))) void refreshShown();
      }),
    [],
  );

  const pick = (nextStore: string, nextDay: string) => {
    if (directory) void useAppointments.getState().show(directory.me.id, nextStore, nextDay);
  };
  const settled = answer !== null && answer.storeId === storeId && answer.day === day;

  return (
    <main
      className="appointments-page"
      data-testid="appointments-page"
      data-store-id={storeId ?? undefined}
      data-day={day ?? undefined}
      data-loading={!settled || loading}
      aria-labelledby="appointments-title"
    >
      <div className="screen-head">
        <h1 id="appointments-title" ref={heading} tabIndex={-1}>
          Appointments
        </h1>
      </div>
      {stores.length === 0 && directory && (
        <p className="screen-intro">You work no store yet, so there are no appointments to show.</p>
      )}
      {store && day && today && (
        <>
          <div className="appointments-toolbar">
            <StorePicker stores={stores} storeId={store.id} onPick={(id) => pick(id, day)} />
            <DayPicker day={day} today={today} onPick={(d) => pick(store.id, d)} />
          </div>
          <h2 className="appointments-day-title" data-testid="appointments-day-title">
            {formatDayLong(day)}
            {day === today && <span className="appointments-today-mark"> (today)</span>}
            <span className="appointments-zone">
              {' '}
              · times in {answer?.timeZone ?? store.timeZone}
            </span>
          </h2>
          {settled && answer.rows.length === 0 && (
            <p className="appointments-empty" data-testid="appointments-empty">
              No appointments at {store.name} on this day.
            </p>
          )}
          {settled && answer.rows.length > 0 && (
            <ol className="appointments-list" aria-label={`Appointments at ${store.name}`}>
              {answer.rows.map((row) => (
                <AppointmentRowView
                  key={row.id}
                  row={row}
                  store={{ ...store, timeZone: answer.timeZone }}
                />
              ))}
            </ol>
          )}
          {!settled && <p className="appointments-empty">Loading…</p>}
        </>
      )}
    </main>
  );
}
