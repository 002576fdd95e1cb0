import type { AppEvent } from '../shared/events';

/** Jobs at least this long earn a notification when they finish unseen. */
export const LONG_JOB_MS = 5_000;

/** Electron's setProgressBar: 0..1 a fraction, 2 indeterminate, -1 removes the bar. */
export const PROGRESS_NONE = -1;
export const PROGRESS_INDETERMINATE = 2;

export interface JobNotice {
  title: string;
  body: string;
}

export interface FeedbackStep {
  progress: number | null;
  notice: JobNotice | null;
}

interface RunningJob {
  firstSeenAt: number;
  done: number;
  total: number;
}

/** `import.shopify-orders` → `Import shopify orders`: readable without a table of every job kind. */
export function jobLabel(kind: string): string {
  const words = kind.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Turns job events into the taskbar/dock progress value and, for a long job that ends while
 * the window is not focused, a notification. Pure: the clock and the start times are passed in.
 */
export class JobFeedback {
  private readonly running = new Map<string, RunningJob>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly startedAtOf: (jobId: string) => number | null = () => null,
  ) {}

  onEvent(event: AppEvent, isWindowFocused: boolean): FeedbackStep {
    switch (event.name) {
      case 'job.progress': {
        const { jobId, done, total } = event.payload;
        const known = this.running.get(jobId);
        this.running.set(jobId, { firstSeenAt: known?.firstSeenAt ?? this.startedAtOf(jobId) ?? this.now(), done, total });
        return { progress: this.progressValue(), notice: null };
      }
      case 'job.finished':
      case 'job.failed': {
        const job = this.running.get(event.payload.jobId);
        this.running.delete(event.payload.jobId);
        const startedAt = job?.firstSeenAt ?? this.startedAtOf(event.payload.jobId);
        const isLong = startedAt !== null && this.now() - startedAt >= LONG_JOB_MS;
        const notice = isLong && !isWindowFocused ? this.noticeFor(event) : null;
        return { progress: this.progressValue(), notice };
      }
      default:
        return { progress: null, notice: null };
    }
  }

  private noticeFor(event: Extract<AppEvent, { name: 'job.finished' | 'job.failed' }>): JobNotice | null {
    const label = jobLabel(event.payload.kind);
    if (event.name === 'job.finished') return { title: `${label} finished`, body: 'Storelens has updated your data.' };
    // The user cancelled it themselves: nothing to tell them.
    if (event.payload.isCancelled) return null;
    return { title: `${label} failed`, body: event.payload.error.message };
  }

  /** One bar for all running jobs: the sum of their work, or indeterminate while a total is unknown. */
  private progressValue(): number {
    if (this.running.size === 0) return PROGRESS_NONE;
    let done = 0;
    let total = 0;
    for (const job of this.running.values()) {
      if (job.total <= 0) return PROGRESS_INDETERMINATE;
      done += Math.min(job.done, job.total);
      total += job.total;
    }
    return done / total;
  }
}
