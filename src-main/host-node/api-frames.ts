import type { FrameId } from '../../src-shared/console-api/ws-transport';

export type IncomingFrame =
  | { kind: 'call'; id: FrameId; method: unknown; args: unknown }
  | { kind: 'activity' }
  | { kind: 'malformed'; id: FrameId | null; problem: string };

/**
 * Reads one frame from the page. Anything that is not a well-formed frame is named precisely,
 * so the page (or a person reading its console) can see what was wrong.
 */
export function parseFrame(
  data: Buffer | ArrayBuffer | Buffer[],
  isBinary: boolean,
): IncomingFrame {
  if (isBinary) return malformed(null, 'binary frames are not accepted; send JSON text');
  let frame: unknown;
  try {
    frame = JSON.parse(textOf(data));
  } catch {
    return malformed(null, 'the frame is not valid JSON');
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
    return malformed(null, 'the frame must be a JSON object {id, method, args}');
  }
  const fields = frame as Record<string, unknown>;
  if (fields.activity === true && !('method' in fields)) return { kind: 'activity' };

  const id = readId(fields.id);
  if (id === null) {
    return malformed(null, 'id must be a string of at most 100 characters or a finite number');
  }
  if (!('method' in fields)) return malformed(id, 'method is missing');
  if (typeof fields.method !== 'string') return malformed(id, 'method must be a string');
  return { kind: 'call', id, method: fields.method, args: fields.args };
}

function readId(value: unknown): FrameId | null {
  if (typeof value === 'string' && value.length <= 100) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return null;
}

function textOf(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}

function malformed(id: FrameId | null, problem: string): IncomingFrame {
  return { kind: 'malformed', id, problem: `malformed frame: ${problem}` };
}
