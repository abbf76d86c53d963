import { DAY, HOUR, intoHours, MINUTE } from '../clock';
import type { ThreadLines } from '../content/lines';
import { mixSeed, Rng } from '../random';
import type { LeadProfile } from './profile';
import { slotsFor } from './slots';
import { writeStory, type Story } from './story';
import { messageBody, renderBodies } from './writer';

/** Leads are spread over the last 90 days; the demo has no activity in the future. */
export const HISTORY_DAYS = 90;
const MAX_TRIES = 12;

export interface PlacedStory extends Story {
  doneAt: number | null;
}

/**
 * Writes the story so that it ends before `now`: written from a start, then, when it runs past
 * the target end, written again from an earlier start (same words, same gaps, moved back), which
 * keeps every line in waking hours. Recent stories (new leads, booked appointments, most leads
 * waiting) are first written once to learn their length, then placed to end minutes ago.
 */
export function placeStory(
  rng: Rng,
  profile: LeadProfile,
  lines: ThreadLines,
  leadSeed: number,
  now: number,
): PlacedStory {
  const { plan } = profile;
  const margin = plan.recent ? rng.int(5, 8 * 60) * MINUTE : rng.int(5, 48 * 60) * MINUTE;
  const latestEnd = now - margin;
  let start = plan.recent ? latestEnd : now - Math.floor(rng.next() * HISTORY_DAYS * DAY);
  const write = (from: number) =>
    writeStory(new Rng(mixSeed(leadSeed, 2)), profile, lines, slotsFor(profile), from);

  let story = write(start);
  if (plan.recent) {
    start -= story.end - start;
    story = write(start);
  }
  // A booked appointment must still be ahead: such a story may have to move later instead.
  for (let tries = 0; ; tries++) {
    const bookedAt = story.appointments.find((a) => a.status === 'booked')?.startsAt ?? Infinity;
    if (story.end <= latestEnd && bookedAt > now) break;
    if (tries >= MAX_TRIES) {
      throw new Error(`demo lead ${profile.index}: cannot fit its story before now`);
    }
    if (story.end > latestEnd) start -= story.end - latestEnd + (tries + 1) * HOUR;
    else start += now - bookedAt + HOUR;
    story = write(start);
  }
  renderBodies(story.wording, story.messages);
  addScheduled(rng, story, profile, now);
  const doneAt =
    plan.done && !story.awaiting ? Math.min(now, story.end + rng.int(5, 48 * 60) * MINUTE) : null;
  return { ...story, doneAt };
}

/** A follow-up the agent queued: written after the thread, due in the next few days. */
function addScheduled(rng: Rng, story: Story, profile: LeadProfile, now: number) {
  if (!profile.plan.scheduled) return;
  const last = story.messages[story.messages.length - 1];
  let channel = last?.channel ?? 'sms';
  if (channel === 'chat') {
    if (!profile.phones.length) return;
    channel = 'sms';
  }
  const createdAt = Math.min(now, story.end + rng.int(2, 120) * MINUTE);
  const due = now + rng.int(2, 6 * 24) * HOUR;
  const author = profile.agent ? 'agent' : 'auto';
  const template = rng.pick(story.wording.lines.scheduled);
  story.messages.push({
    at: createdAt,
    channel,
    author,
    body: messageBody(story.wording, channel, author, template),
    template: null,
    photos: false,
    scheduledAt: intoHours(profile.store.zone, due, 9, 19, rng.next()),
  });
}
