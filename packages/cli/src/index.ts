export { createProgram, type GlobalOptions } from './program.ts';
