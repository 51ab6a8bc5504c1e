// Records each run and its steps in sync_log / sync_log_step, and tells listeners as it goes.
import { EventEmitter } from 'node:events';
import type { LocalDatabase } from '../db/data-source';
import { SyncLogEntity, SyncLogStepEntity } from '../db/entities/internal';
import type { SyncError } from './errors';
import { STEPS_OF_RUN, type RunKind, type SyncStep } from './steps';

export interface StepProgress {
  step: SyncStep;
  startedAt: string | null;
  finishedAt: string | null;
  done: number | null;
  total: number | null;
}

export interface RunProgress {
  runId: number;
  kind: RunKind;
  startedAt: string;
  steps: StepProgress[];
}

/** Emits 'progress' (RunProgress) on every change and 'finished' (runId) at the end of a run. */
export class RunLog extends EventEmitter {
  private current: RunProgress | undefined;

  constructor(private readonly db: LocalDatabase) {
    super();
  }

  get live(): RunProgress | undefined {
    return this.current;
  }

  async start(kind: RunKind): Promise<void> {
    const steps = STEPS_OF_RUN[kind];
    const startedAt = new Date().toISOString();
    try {
      await this.db.transaction(async (manager) => {
        const result = await manager.insert(SyncLogEntity, { kind, startedAt, finishedAt: null });
        // Live from the moment its row exists: a status read that sees the row must also see the run
        // as going, or it would report it as interrupted.
        const runId = result.identifiers[0]?.id as number;
        this.current = {
          runId,
          kind,
          startedAt,
          steps: steps.map((step) => ({ step, startedAt: null, finishedAt: null, done: null, total: null })),
        };
        for (const step of steps) {
          await manager.insert(SyncLogStepEntity, {
            runId,
            step,
            startedAt: null,
            finishedAt: null,
            total: null,
            done: null,
          });
        }
      });
    } catch (error) {
      this.current = undefined;
      throw error;
    }
    this.emit('progress', this.current);
  }

  private async update(step: SyncStep, change: Partial<Omit<StepProgress, 'step'>>): Promise<void> {
    const run = this.current;
    const progress = run?.steps.find((candidate) => candidate.step === step);
    if (!run || !progress) return;
    Object.assign(progress, change);
    await this.db.transaction((manager) =>
      manager.update(SyncLogStepEntity, { runId: run.runId, step }, change),
    );
    this.emit('progress', run);
  }

  stepStarted(step: SyncStep): Promise<void> {
    return this.update(step, { startedAt: new Date().toISOString() });
  }

  progress(step: SyncStep, done: number, total: number): Promise<void> {
    return this.update(step, { done, total });
  }

  stepFinished(step: SyncStep): Promise<void> {
    return this.update(step, { finishedAt: new Date().toISOString() });
  }

  /** A paused run is neither a success nor an error: it stays unfinished, with a note. */
  async finishPaused(): Promise<void> {
    const run = this.current;
    if (!run) return;
    await this.db.transaction((manager) =>
      manager.update(SyncLogEntity, { id: run.runId }, { errorMessage: 'Paused at a batch boundary' }),
    );
    this.current = undefined;
    this.emit('finished', run.runId);
  }

  async finish(error: SyncError | undefined): Promise<void> {
    const run = this.current;
    if (!run) return;
    await this.db.transaction((manager) =>
      manager.update(
        SyncLogEntity,
        { id: run.runId },
        {
          finishedAt: new Date().toISOString(),
          errorCode: error?.code ?? null,
          errorMessage: error?.message ?? null,
          errorDetail: error?.detail ?? null,
        },
      ),
    );
    this.current = undefined;
    this.emit('finished', run.runId);
  }
}
