// This machine's hardware ID (PRODUCT.md §7): from the OS machine id, never the hostname, stable
// across restarts. Sent as `msupply-site-uuid` (v5) and `siteUuid` (v6).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function linuxMachineId(): Promise<string> {
  for (const file of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
    const id = (await readFile(file, 'utf8').catch(() => '')).trim();
    if (id) return id;
  }
  throw new Error('No machine id in /etc/machine-id or /var/lib/dbus/machine-id');
}

async function windowsMachineGuid(): Promise<string> {
  const { stdout } = await run('reg', [
    'query',
    'HKLM\\SOFTWARE\\Microsoft\\Cryptography',
    '/v',
    'MachineGuid',
  ]);
  const match = /MachineGuid\s+REG_SZ\s+(\S+)/.exec(stdout);
  if (!match?.[1]) throw new Error('MachineGuid not found in the registry');
  return match[1];
}

async function macPlatformUuid(): Promise<string> {
  const { stdout } = await run('ioreg', ['-rd1', '-c', 'IOPlatformExpertDevice']);
  const match = /"IOPlatformUUID" = "([^"]+)"/.exec(stdout);
  if (!match?.[1]) throw new Error('IOPlatformUUID not found');
  return match[1];
}

/** The raw OS machine id. */
export async function readMachineId(platform: NodeJS.Platform = process.platform): Promise<string> {
  if (platform === 'win32') return windowsMachineGuid();
  if (platform === 'darwin') return macPlatformUuid();
  return linuxMachineId();
}

/**
 * The hardware ID we send: a hash of the machine id scoped to this app, so the raw OS id is not
 * handed to a server (it identifies the machine to other software too).
 */
export function hardwareIdFrom(machineId: string): string {
  return createHash('sha256').update(`satellite-sync:${machineId}`).digest('hex').slice(0, 32).toUpperCase();
}

export async function readHardwareId(): Promise<string> {
  return hardwareIdFrom(await readMachineId());
}
