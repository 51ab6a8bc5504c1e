import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import ErrorWithDetails from '../../renderer/src/components/ErrorWithDetails.vue';
import { button, mountWithApp } from './helpers';

const hardwareError = {
  code: 'HARDWARE_ID_MISMATCH',
  message: 'This computer is not the one registered for this site',
  detail: 'GET /sync/v5/site → 401 site_incorrect_hardware_id: Site hardware ID does not match',
  hint: "The central server's administrator must clear this site's hardware ID before this computer can sync.",
};

const tooltip = () => document.querySelector<HTMLElement>('[role="tooltip"]');
const tooltipShown = () => !!tooltip()?.classList.contains('v-overlay--active');

describe('ErrorWithDetails', () => {
  it('shows the message and an "Error details" icon button described by the tooltip', async () => {
    await mountWithApp(ErrorWithDetails, { props: { error: hardwareError } });
    expect(document.body.textContent).toContain('This computer is not the one registered for this site');
    const info = button('Error details');
    expect(info.tagName).toBe('BUTTON');
    expect(info.getAttribute('aria-describedby')).toBe(tooltip()?.id);
  });

  it('shows the hint and the full detail when the button gets keyboard focus', async () => {
    await mountWithApp(ErrorWithDetails, { props: { error: hardwareError } });
    button('Error details').focus();
    await vi.waitFor(() => expect(tooltipShown()).toBe(true), { timeout: 2000 });
    const text = tooltip()!.textContent!;
    expect(text).toContain("clear this site's hardware ID");
    expect(text).toContain('site_incorrect_hardware_id: Site hardware ID does not match');

    button('Error details').blur();
    await vi.waitFor(() => expect(tooltipShown()).toBe(false), { timeout: 2000 });
  });

  it('shows the same tooltip on hover', async () => {
    await mountWithApp(ErrorWithDetails, { props: { error: hardwareError } });
    button('Error details').dispatchEvent(new MouseEvent('mouseenter'));
    await vi.waitFor(() => expect(tooltipShown()).toBe(true), { timeout: 2000 });
  });

  it("uses main's text for a code it does not know, and the French text for one it does", async () => {
    await mountWithApp(ErrorWithDetails, {
      props: { error: { code: 'SOMETHING_NEW', message: 'Something new went wrong', detail: 'd' } },
    });
    expect(document.body.textContent).toContain('Something new went wrong');
    document.body.innerHTML = '';

    await mountWithApp(ErrorWithDetails, { props: { error: hardwareError }, locale: 'fr' });
    await flushPromises();
    expect(document.body.textContent).toContain('Cet ordinateur n’est pas celui enregistré pour ce site');
  });
});
