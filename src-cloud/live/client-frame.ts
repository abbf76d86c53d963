import { LiveClientFrame } from '../../src-shared/sync/protocol';

export type ParsedFrame =
  | { ok: true; frame: LiveClientFrame }
  /** `type`: what the frame called itself, when it said (shortened), for the log line. */
  | { ok: false; reason: string; bytes: number; type: string | null };

/**
 * Reads one frame a desktop sent on /v1/live. A frame that is not JSON, or not a frame this
 * cloud knows with exactly its fields, is refused with the reason, for the log: the socket
 * stays up, since a newer or buggy client should not lose its pokes over one bad frame. The
 * frame itself is never quoted: later frames may carry what people type.
 */
export function parseClientFrame(text: string): ParsedFrame {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refused('not JSON', text, null);
  }
  const parsed = LiveClientFrame.safeParse(json);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const issues = parsed.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  return refused(issues.join('; '), text, json);
}

function refused(reason: string, text: string, json: unknown): ParsedFrame {
  const type =
    typeof json === 'object' && json !== null && 'type' in json && typeof json.type === 'string'
      ? json.type.slice(0, 40)
      : null;
  return { ok: false, reason, bytes: Buffer.byteLength(text), type };
}
