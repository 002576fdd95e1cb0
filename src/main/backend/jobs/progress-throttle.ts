/**
 * Keeps at most one progress event per interval (about 10 per second), always letting the
 * first and a phase change through so the window never shows a stale phase.
 */
export class ProgressThrottle<T extends { phase: string }> {
  private lastSentAt = 0;
  private lastPhase: string | null = null;
  private pending: T | null = null;

  constructor(
    private readonly send: (value: T) => void,
    private readonly intervalMs = 100,
    private readonly now: () => number = Date.now,
  ) {}

  push(value: T): void {
    const time = this.now();
    if (value.phase !== this.lastPhase || time - this.lastSentAt >= this.intervalMs) {
      this.emit(value, time);
    } else {
      this.pending = value;
    }
  }

  /** Sends the last held-back value, so the final figures are always seen. */
  flush(): void {
    if (this.pending) this.emit(this.pending, this.now());
  }

  private emit(value: T, time: number): void {
    this.pending = null;
    this.lastSentAt = time;
    this.lastPhase = value.phase;
    this.send(value);
  }
}
