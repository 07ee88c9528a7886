import { Command, Option } from 'commander';
import { registerCatalog } from './commands/catalog.ts';
import { registerCheck } from './commands/check.ts';
import { registerEvaluate } from './commands/evaluate.ts';
import { registerRegions } from './commands/regions.ts';
import { registerReport } from './commands/report.ts';
import type { OutputFormat } from './output.ts';

export interface GlobalOptions {
  format: OutputFormat;
}

/** Builds the `shegong` command tree. Separate from `bin.ts` so tests can run it in-process. */
export function createProgram(): Command {
  const program = new Command('shegong')
    .description('Shegong Hub: social work station data for provinces, cities and counties')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .showHelpAfterError()
    .exitOverride();
  const options = () => program.opts<GlobalOptions>();
  registerRegions(program, options);
  registerCatalog(program, options);
  registerCheck(program, options);
  registerEvaluate(program, options);
  registerReport(program, options);
  return program;
}
