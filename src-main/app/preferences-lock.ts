// The padlock of Preferences › Synchronisation (PRODUCT.md §5.4): locked by default; unlocking
// (with the authorisation code, checked elsewhere) lasts until it is locked again or 10 minutes pass
// without a preferences operation. Time comes from an injected clock so tests need not wait.
import { AppError } from './errors';

export const UNLOCK_IDLE_MS = 10 * 60_000;

export class PreferencesLock {
  private lastActivity: number | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly now: () => number,
    /** Called when the lock closes by itself, so the renderer's padlock can follow. */
    private readonly onIdleLock: () => void,
  ) {}

  get isUnlocked(): boolean {
    if (this.lastActivity === undefined) return false;
    if (this.now() - this.lastActivity < UNLOCK_IDLE_MS) return true;
    this.lock();
    return false;
  }

  unlock(): void {
    this.lastActivity = this.now();
    this.armTimer();
  }

  lock(): void {
    this.lastActivity = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Throws PREFERENCES_LOCKED unless unlocked; a permitted call counts as activity. */
  require(): void {
    if (!this.isUnlocked) throw new AppError('PREFERENCES_LOCKED');
    this.touch();
  }

  /** Activity in the preferences keeps an unlock alive. */
  touch(): void {
    if (!this.isUnlocked) return;
    this.lastActivity = this.now();
    this.armTimer();
  }

  private armTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.isUnlocked) this.armTimer();
      else this.onIdleLock();
    }, UNLOCK_IDLE_MS);
    // The padlock must never keep the process alive.
    this.timer.unref();
  }
}
