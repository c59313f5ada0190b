/** Calls a probe every interval (never two at once) and keeps the time series it returns. */
export class Sampler {
  /** @param {() => Promise<object> | object} probe @param {number} intervalMs */
  constructor(probe, intervalMs) {
    this.probe = probe;
    this.intervalMs = intervalMs;
    /** @type {{ t: number }[]} */
    this.samples = [];
    this.timer = undefined;
    this.running = undefined;
  }

  start() {
    const tick = async () => {
      try {
        this.samples.push({ t: Date.now(), ...(await this.probe()) });
      } catch (err) {
        this.samples.push({ t: Date.now(), error: String(err?.message ?? err) });
      }
      if (this.timer !== null) this.timer = setTimeout(() => (this.running = tick()), this.intervalMs);
    };
    this.running = tick();
  }

  async stop() {
    clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Samples taken in (from, to], epoch ms. */
  between(from, to) {
    return this.samples.filter((s) => s.t > from && s.t <= to && !('error' in s));
  }
}
