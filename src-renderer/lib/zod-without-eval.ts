import { z } from 'zod';

/**
 * Zod compiles fast parsers with `new Function` unless told not to, and first probes whether it
 * may: under the renderer's CSP (no 'unsafe-eval') the probe is refused and reported as a
 * securitypolicyviolation on every start, noise that would hide a real one. Jitless parsing is
 * the interpreter zod falls back to anyway. Imported for its effect, before any schema parses.
 */
z.config({ jitless: true });
