#!/usr/bin/env node
import { DomainError } from '@shegong/kernel';
import { CommanderError } from 'commander';
import { createProgram } from './program.ts';

/** Exit codes: 0 done, 1 findings (checks), 2 bad input or usage. */
try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // commander has already printed usage or the error; --help and --version end with exit code 0.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof DomainError) {
    process.stderr.write(`error [${error.code}]: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
