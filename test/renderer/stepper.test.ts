import { describe, expect, it } from 'vitest';
import SyncStepper from '../../renderer/src/components/SyncStepper.vue';
import { stepProgress } from '../../renderer/src/lib/steps';
import { mountWithApp, step } from './helpers';

const stepItems = () => [...document.querySelectorAll<HTMLElement>('[data-step]')];

describe('SyncStepper', () => {
  it('labels the operational steps in order, each with done / total and the active step highlighted', async () => {
    const steps = stepProgress(
      'operational',
      [
        step('pushV6', { startedAt: 'x', finishedAt: 'y', done: 4, total: 4 }),
        step('push', { startedAt: 'x', finishedAt: 'y', done: 4, total: 4 }),
        step('pullCentral', { startedAt: 'x', done: 120, total: 500 }),
      ],
      false,
    );
    await mountWithApp(SyncStepper, { props: { steps } });

    const items = stepItems();
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
      'Push V6',
      'Push',
      'Pull central',
      'Pull remote',
      'Pull V6',
      'Integrate',
    ]);
    expect(items.map((item) => item.querySelector('.v-stepper-item__title')?.textContent)).toEqual([
      'Push V6',
      'Push',
      'Pull central',
      'Pull remote',
      'Pull V6',
      'Integrate',
    ]);
    expect(items[0]!.querySelector('.v-stepper-item__subtitle')?.textContent).toContain('4 / 4');
    expect(items[2]!.querySelector('.v-stepper-item__subtitle')?.textContent).toContain('120 / 500');
    // No total yet: no numbers under the step.
    expect(items[3]!.querySelector('.v-stepper-item__subtitle')?.textContent).not.toMatch(/\d/);

    const active = items[2]!;
    expect(active.getAttribute('aria-current')).toBe('step');
    expect(active.classList).toContain('v-stepper-item--selected');
    expect(items.filter((item) => item.classList.contains('v-stepper-item--selected'))).toHaveLength(1);
    expect(items[0]!.classList).toContain('v-stepper-item--complete');
    expect(items[3]!.dataset.state).toBe('waiting');
  });

  it('shows the initialisation steps, and marks the step that failed', async () => {
    const steps = stepProgress(
      'initialisation',
      [
        step('prepare', { startedAt: 'x', finishedAt: 'y' }),
        step('pullCentral', { startedAt: 'x', done: 0, total: 10 }),
      ],
      true,
    );
    await mountWithApp(SyncStepper, { props: { steps } });

    const items = stepItems();
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
      'Prepare',
      'Pull central',
      'Pull remote',
      'Pull V6',
      'Integrate',
    ]);
    expect(items[1]!.classList).toContain('v-stepper-item--error');
    expect(items[1]!.textContent).toContain('0 / 10');
    expect(items[1]!.textContent).toContain('failed');
  });

  it('highlights nothing when no run is going', async () => {
    await mountWithApp(SyncStepper, { props: { steps: stepProgress('operational', [], false) } });
    expect(document.querySelectorAll('.v-stepper-item--selected')).toHaveLength(0);
    expect(document.querySelector('[aria-current="step"]')).toBeNull();
  });
});
