/** Hours, minutes and whole seconds of a duration; hours and minutes are left out when 0 (as OMS does). */
export function durationParts(ms: number): { unit: 'hours' | 'minutes' | 'seconds'; value: number }[] {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts: { unit: 'hours' | 'minutes' | 'seconds'; value: number }[] = [];
  if (hours) parts.push({ unit: 'hours', value: hours });
  if (minutes) parts.push({ unit: 'minutes', value: minutes });
  if (seconds || parts.length === 0) parts.push({ unit: 'seconds', value: seconds });
  return parts;
}
