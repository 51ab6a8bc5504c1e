// The one pause of the sync engine (polls, retries' back-off, status pacing). Built on the global
// setTimeout so that tests with fake timers control it.
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
