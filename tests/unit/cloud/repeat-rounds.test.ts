import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, test } from 'vitest';
import { repeatRounds } from '../../../src-cloud/jobs/rounds';

/** A logger that keeps what was logged as errors. */
function errorsLog() {
  const errors: string[] = [];
  const log = { error: (_fields: unknown, message: string) => errors.push(message) };
  return { log: log as unknown as FastifyBaseLogger, errors };
}

/** A round that waits until released, counting how many began. */
function heldRounds() {
  let began = 0;
  const releases: (() => void)[] = [];
  const round = () =>
    new Promise<number>((resolve) => {
      began += 1;
      const n = began;
      releases.push(() => resolve(n));
    });
  const release = async () => {
    releases.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { round, release, began: () => began };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

describe('repeatRounds', () => {
  test('a wake runs a round at once, not at the next interval', async () => {
    const { log } = errorsLog();
    const held = heldRounds();
    const rounds = repeatRounds(60_000, held.round, 0, log, 'test round');
    rounds.wake();
    await until(() => held.began() === 1);
    await held.release();
    await rounds.stop();
  });

  test('wakes during a round make one more round after it, never an overlapping one', async () => {
    const { log } = errorsLog();
    const held = heldRounds();
    const rounds = repeatRounds(60_000, held.round, 0, log, 'test round');
    rounds.wake();
    await until(() => held.began() === 1);
    rounds.wake();
    rounds.wake();
    rounds.wake();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(held.began()).toBe(1); // the round under way is not overlapped
    await held.release();
    await until(() => held.began() === 2);
    await held.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(held.began()).toBe(2); // three wakes, one round
    await rounds.stop();
  });

  test('a failing round is logged and answers the fallback; a stopped worker is not woken', async () => {
    const { log, errors } = errorsLog();
    let runs = 0;
    const rounds = repeatRounds(
      60_000,
      async () => {
        runs += 1;
        throw new Error('database gone');
      },
      -1,
      log,
      'test round',
    );
    expect(await rounds.runOnce()).toBe(-1);
    expect(errors).toEqual(['test round failed']);
    await rounds.stop();
    rounds.wake();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toBe(1);
  });
});
