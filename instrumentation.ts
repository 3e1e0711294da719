/** Runs once when the server starts; the Node-only part lives in lib/server-start.ts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { onServerStart, loadHolidayCalendarAtStart, listenForChangesAtStart, startDailyJobsAtStart } = await import('./lib/server-start');
    onServerStart();
    await loadHolidayCalendarAtStart();
    await listenForChangesAtStart();
    startDailyJobsAtStart();
  }
}
