/**
 * Runs once when the server starts. With the embedded database it opens PGlite at once, so that a second
 * server on the same folder stops here with a clear message instead of failing on its first request, and
 * it closes PGlite cleanly on SIGTERM/SIGINT (NEXT_MANUAL_SIG_HANDLE hands those signals to us).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  if (!env().embedded) return;
  const { getDbHandle, closeDb } = await import('./db/index');
  try {
    getDbHandle();
  } catch (err) {
    console.error(`\n${(err as Error).message}\n`);
    process.exit(1);
  }
  const stop = (signal: string) => {
    console.log(`[db] ${signal}: closing the embedded database…`);
    closeDb()
      .then(() => console.log('[db] closed cleanly.'))
      .catch((e) => console.error('[db] close failed:', e))
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
