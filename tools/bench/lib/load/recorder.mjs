/**
 * What one load run observed. A request belongs to the measured window when it was *scheduled*
 * inside it (latency is counted from the scheduled time, so a stalled server cannot hide queueing:
 * no coordinated omission); throughput counts 2xx answers *received* inside the window.
 */
export class Recorder {
  /** @param {number} windowStart performance.now() ms @param {number} windowEnd */
  constructor(windowStart, windowEnd) {
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.latencies = [];
    this.serviceTimes = [];
    this.sendLags = [];
    this.orderIds = [];
    this.statuses = {};
    this.errors = {};
    this.acceptedInWindow = 0;
    this.scheduledInWindow = 0;
    this.total = { sent: 0, done: 0, ok: 0, failed: 0 };
    this.inflight = 0;
    this.maxInflight = 0;
  }

  sent() {
    this.total.sent += 1;
    this.inflight += 1;
    if (this.inflight > this.maxInflight) this.maxInflight = this.inflight;
  }

  /** @param {number} scheduledAt @param {number} sentAt @param {number} doneAt @param {{ status: number, orderId?: string, error?: string }} r */
  record(scheduledAt, sentAt, doneAt, r) {
    this.inflight -= 1;
    this.total.done += 1;
    const ok = r.status >= 200 && r.status < 300;
    if (ok) this.total.ok += 1;
    else this.total.failed += 1;
    if (ok && doneAt >= this.windowStart && doneAt < this.windowEnd) this.acceptedInWindow += 1;
    if (scheduledAt < this.windowStart || scheduledAt >= this.windowEnd) return;
    this.scheduledInWindow += 1;
    const key = r.error ?? String(r.status);
    if (ok) {
      this.latencies.push(doneAt - scheduledAt);
      this.serviceTimes.push(doneAt - sentAt);
      this.sendLags.push(sentAt - scheduledAt);
      if (r.orderId) this.orderIds.push(r.orderId);
      this.statuses[key] = (this.statuses[key] ?? 0) + 1;
    } else {
      this.errors[key] = (this.errors[key] ?? 0) + 1;
    }
  }
}
