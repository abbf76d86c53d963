/**
 * The ring of a lead (DESIGN §7): two short rising tones, every two seconds, made with the Web
 * Audio API (no audio file to ship or to block). A phone's ring, not a notification's ping,
 * so it is told apart from every other sound on the PC.
 */
const REPEAT_MS = 2_000;
const TONES = [
  { hz: 660, at: 0, for: 0.16 },
  { hz: 880, at: 0.22, for: 0.22 },
] as const;
const VOLUME = 0.25;
const GESTURES = ['pointerdown', 'keydown'] as const;

type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;
let repeat: ReturnType<typeof setInterval> | null = null;

/**
 * The context is made only when something first rings. Chromium starts it suspended until the
 * person has touched the page (autoplay policy); the first click or key press resumes it, and
 * the next ring is heard. Electron windows allow audio without a gesture.
 */
function audio(): AudioContext | null {
  if (context) return context;
  const Context: AudioContextClass | undefined =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
  if (!Context) return null;
  try {
    context = new Context();
  } catch {
    return null;
  }
  if (context.state === 'suspended') resumeOnFirstGesture(context);
  return context;
}

function resumeOnFirstGesture(ctx: AudioContext): void {
  const resume = () => {
    ctx.resume().then(
      () => GESTURES.forEach((type) => window.removeEventListener(type, resume, true)),
      () => undefined,
    );
  };
  GESTURES.forEach((type) => window.addEventListener(type, resume, true));
}

function playOnce(): void {
  const ctx = audio();
  if (!ctx || ctx.state !== 'running') return;
  try {
    const start = ctx.currentTime + 0.02;
    for (const tone of TONES) {
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = tone.hz;
      // A short fade in and out: a hard start or stop of a sine clicks.
      const from = start + tone.at;
      const to = from + tone.for;
      gain.gain.setValueAtTime(0, from);
      gain.gain.linearRampToValueAtTime(VOLUME, from + 0.015);
      gain.gain.setValueAtTime(VOLUME, to - 0.03);
      gain.gain.linearRampToValueAtTime(0, to);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(from);
      oscillator.stop(to + 0.01);
    }
  } catch {
    // A ring that cannot sound must never break the alert that shows it.
  }
}

/** Starts the repeating ring (again is a no-op); silent where the page has no audio. */
export function startRinging(): void {
  if (repeat) return;
  playOnce();
  repeat = setInterval(playOnce, REPEAT_MS);
}

export function stopRinging(): void {
  if (!repeat) return;
  clearInterval(repeat);
  repeat = null;
}
