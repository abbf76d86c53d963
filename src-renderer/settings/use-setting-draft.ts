import { useEffect, useRef, useState } from 'react';
import type { Parsed } from './parse-setting';

/** A pause in typing this long saves what was typed, so nobody has to press Enter. */
export const TYPING_PAUSE_MS = 700;

export interface SettingDraft<T> {
  /** What the field shows: the person's input while it is theirs, else the saved value. */
  shown: T;
  error: string | null;
  saving: boolean;
  /** The person changed the field; typed fields save after a pause, others at once. */
  change(value: T, options?: { typing?: boolean }): void;
  /** Save now (Enter, leaving the field) if something typed is not saved yet. */
  commit(): void;
}

/**
 * One setting being edited. The input stays the person's until the core accepts it: a refused
 * value keeps what they typed, with the core's reason beside it. Only the latest save's answer
 * counts, so a slow refusal cannot overwrite a newer accepted value. What is still unsaved when
 * the screen closes is saved then.
 */
export function useSettingDraft<T>(
  saved: T,
  parse: (value: T) => Parsed<unknown>,
  save: (value: unknown) => Promise<string | null>,
): SettingDraft<T> {
  const [draft, setDraft] = useState<{ value: T } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const io = useRef({ parse, save });
  const latest = useRef(0);
  const pause = useRef<ReturnType<typeof setTimeout> | null>(null);
  const unsaved = useRef<{ value: T } | null>(null);

  useEffect(() => {
    io.current = { parse, save };
  });

  const send = async (value: T) => {
    if (pause.current) clearTimeout(pause.current);
    pause.current = null;
    unsaved.current = null;
    const mine = ++latest.current;
    const parsed = io.current.parse(value);
    if (!parsed.ok) {
      setSaving(false);
      setError(parsed.message);
      return;
    }
    setSaving(true);
    const refused = await io.current.save(parsed.value);
    if (mine !== latest.current) return;
    setSaving(false);
    setError(refused);
    // Accepted: the field shows the saved value again (and follows settingsChanged).
    if (!refused) setDraft((d) => (d && d.value === value ? null : d));
  };
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });
  useEffect(
    () => () => {
      if (unsaved.current) void sendRef.current(unsaved.current.value);
    },
    [],
  );

  return {
    shown: draft ? draft.value : saved,
    error,
    saving,
    change: (value, { typing = false } = {}) => {
      setDraft({ value });
      if (!typing) {
        void send(value);
        return;
      }
      unsaved.current = { value };
      if (pause.current) clearTimeout(pause.current);
      pause.current = setTimeout(() => void send(value), TYPING_PAUSE_MS);
    },
    commit: () => {
      if (unsaved.current) void send(unsaved.current.value);
    },
  };
}
