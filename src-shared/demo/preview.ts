/** The queue row's one line: the message with its whitespace folded, cut to 200 characters. */
export const PREVIEW_MAX = 200;

export function messagePreview(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length <= PREVIEW_MAX ? line : `${line.slice(0, PREVIEW_MAX - 1)}…`;
}
