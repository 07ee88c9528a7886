import cliProgress from 'cli-progress';

/** Inputs with more records than this get a progress bar on stderr. */
export const PROGRESS_THRESHOLD = 2_000;

/**
 * A progress reporter for long checks: a bar on stderr when there is enough work to wait for, nothing
 * otherwise. On a terminal the bar redraws in place; elsewhere (CI logs) it prints a line every 2 s.
 */
export function progressFor(
  total: number,
  label: string,
): { update: (done: number) => void; stop: () => void } {
  if (total <= PROGRESS_THRESHOLD) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 2_000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
