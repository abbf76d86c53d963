import { wallTimeAt } from '../../src-shared/domain/zoned-time';
import type { AdfTranscriptLine } from './adf-input';
import { capped, xmlSafe, xmlSafeLine } from './adf-text';

/**
 * Caps on the customer <comments>: CRMs show the field in a small box and some cut it at a few
 * thousand characters, so the whole field stays under 4000; the agent's notes come first (they
 * are what the salesperson acts on), then the last 20 lines of the conversation.
 */
export const COMMENTS_MAX = 4000;
export const NOTES_MAX = 2000;
export const NOTE_MAX = 1000;
export const TRANSCRIPT_MAX_LINES = 20;
export const TRANSCRIPT_LINE_MAX = 300;

function speaker(line: AdfTranscriptLine): string {
  if (line.from === 'customer') return 'Customer';
  if (line.from === 'system') return 'Showroom';
  return xmlSafeLine(line.author ?? '') || 'Agent';
}

function transcriptLine(line: AdfTranscriptLine, timeZone: string): string {
  const { date, time } = wallTimeAt(line.at, timeZone);
  const text = capped(xmlSafeLine(line.text), TRANSCRIPT_LINE_MAX);
  return `[${date} ${time}] ${speaker(line)}: ${text}`;
}

/** The notes and the end of the transcript as one plain-text block, or null when both are empty. */
export function adfComments(
  notes: readonly string[],
  transcript: readonly AdfTranscriptLine[],
  timeZone: string,
): string | null {
  const cleanNotes = notes.map((note) => capped(xmlSafe(note).trim(), NOTE_MAX)).filter(Boolean);
  const sections: string[] = [];
  if (cleanNotes.length > 0) {
    sections.push(capped(`Notes:\n${cleanNotes.join('\n')}`, NOTES_MAX));
  }
  const lines = transcript
    .slice(-TRANSCRIPT_MAX_LINES)
    .filter((line) => xmlSafeLine(line.text) !== '')
    .map((line) => transcriptLine(line, timeZone));
  if (lines.length > 0) {
    const heading =
      transcript.length > TRANSCRIPT_MAX_LINES
        ? `Transcript (last ${TRANSCRIPT_MAX_LINES} of ${transcript.length} messages):`
        : 'Transcript:';
    sections.push(`${heading}\n${lines.join('\n')}`);
  }
  if (sections.length === 0) return null;
  return capped(sections.join('\n\n'), COMMENTS_MAX);
}
