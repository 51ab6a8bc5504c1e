import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { hardwareIdFrom, readHardwareId, readMachineId } from '../../src-main/hardware-id';

describe('hardware ID', () => {
  it('derives a stable, app-scoped id from the machine id', () => {
    expect(hardwareIdFrom('3d1219c7c4c5404aaa1f6d2a48adfda4')).toBe(
      hardwareIdFrom('3d1219c7c4c5404aaa1f6d2a48adfda4'),
    );
    expect(hardwareIdFrom('a')).not.toBe(hardwareIdFrom('b'));
    expect(hardwareIdFrom('3d1219c7c4c5404aaa1f6d2a48adfda4')).toMatch(/^[0-9A-F]{32}$/);
    expect(hardwareIdFrom('3d1219c7c4c5404aaa1f6d2a48adfda4')).not.toContain('3d1219c7');
  });

  it.runIf(process.platform === 'linux')(
    'reads the Linux machine id, never the hostname, the same every time',
    async () => {
      const machineId = await readMachineId('linux');
      expect(machineId).toMatch(/^[0-9a-f]{32}$/);
      expect(machineId).not.toBe(hostname());
      expect(await readHardwareId()).toBe(hardwareIdFrom(machineId));
      expect(await readHardwareId()).toBe(await readHardwareId());
      expect(await readHardwareId()).not.toContain(hostname());
    },
  );
});
