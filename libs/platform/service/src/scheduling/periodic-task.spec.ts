import { PeriodicTask, PeriodicTaskMetrics, PeriodicTasks, Round } from './periodic-task';

class Recorder implements PeriodicTaskMetrics {
  readonly warnings: unknown[] = [];
  readonly runs: string[] = [];
  log(): void {
    this.warnings.push('unexpected log');
  }
  error(): void {
    this.warnings.push('unexpected error');
  }
  warn(message: unknown): void {
    this.warnings.push(message);
  }
  periodicTaskRan(task: string, outcome: 'succeeded' | 'failed'): void {
    this.runs.push(`${task}:${outcome}`);
  }
}

/** A round that waits until the test lets it finish. */
function heldRound() {
  let release: () => void = () => undefined;
  let started = 0;
  const round: Round = () => {
    started++;
    return new Promise<void>((done) => (release = done));
  };
  return { round, release: () => release(), started: () => started };
}

describe('PeriodicTask', () => {
  let recorder: Recorder;
  const task = (round: Round, intervalMs = 1_000) => new PeriodicTask('test task', intervalMs, round, recorder, recorder);

  beforeEach(() => {
    jest.useFakeTimers();
    recorder = new Recorder();
  });

  afterEach(() => jest.useRealTimers());

  it('runs a round every interval once started, and none before', async () => {
    let rounds = 0;
    const ticking = task(async () => void rounds++);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(rounds).toBe(0);

    ticking.start();
    await jest.advanceTimersByTimeAsync(999);
    expect(rounds).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(rounds).toBe(1);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(rounds).toBe(3);
    expect(recorder.runs).toEqual(['test task:succeeded', 'test task:succeeded', 'test task:succeeded']);
    await ticking.stop();
  });

  it('never overlaps two rounds: the next one is timed from the end of a slow one', async () => {
    const held = heldRound();
    const ticking = task(held.round);
    ticking.start();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(held.started()).toBe(1);

    await jest.advanceTimersByTimeAsync(10_000);
    expect(held.started()).toBe(1);

    held.release();
    await jest.advanceTimersByTimeAsync(999);
    expect(held.started()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(held.started()).toBe(2);
    held.release();
    await ticking.stop();
  });

  it('starts the next round at once while a round says more work is waiting', async () => {
    const batches = [true, true, false, false];
    let rounds = 0;
    const ticking = task(async () => {
      rounds++;
      return batches.shift() ?? false;
    });
    ticking.start();
    // Paced by the interval, half of one after the first round would have seen that round alone.
    await jest.advanceTimersByTimeAsync(1_500);
    expect(rounds).toBe(3);
    await jest.advanceTimersByTimeAsync(400);
    expect(rounds).toBe(3);
    await jest.advanceTimersByTimeAsync(200);
    expect(rounds).toBe(4);
    await ticking.stop();
  });

  it('logs and counts a failed round, and tries again the next interval', async () => {
    let rounds = 0;
    const ticking = task(async () => {
      rounds++;
      if (rounds === 1) throw new Error('database unreachable');
    });
    ticking.start();
    await jest.advanceTimersByTimeAsync(2_000);

    expect(rounds).toBe(2);
    expect(recorder.runs).toEqual(['test task:failed', 'test task:succeeded']);
    expect(recorder.warnings).toEqual([expect.objectContaining({ task: 'test task', err: 'Error: database unreachable' })]);
    await ticking.stop();
  });

  it('stops promptly: no further round, and stop() waits for the round under way', async () => {
    const held = heldRound();
    const ticking = task(held.round);
    ticking.start();
    await jest.advanceTimersByTimeAsync(1_000);

    let stopped = false;
    const stopping = ticking.stop().then(() => (stopped = true));
    expect(ticking.stopping).toBe(true);
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);

    held.release();
    await stopping;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(held.started()).toBe(1);
  });

  it('stops before its first round when stopped early', async () => {
    let rounds = 0;
    const ticking = task(async () => void rounds++);
    ticking.start();
    await ticking.stop();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(rounds).toBe(0);
  });
});

describe('PeriodicTasks', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('starts the tasks asked for when the application has started, also one asked for later, and stops them all', async () => {
    const recorder = new Recorder();
    const tasks = new PeriodicTasks(recorder, recorder);
    const ran: string[] = [];
    tasks.every(1_000, 'first', async () => void ran.push('first'));
    await jest.advanceTimersByTimeAsync(5_000);
    expect(ran).toEqual([]);

    tasks.onApplicationBootstrap();
    tasks.every(1_000, 'second', async () => void ran.push('second'));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(ran.sort()).toEqual(['first', 'second']);

    await tasks.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(ran).toHaveLength(2);
  });
});
