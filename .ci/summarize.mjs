// Prints the one plain line CI reads, `N passed, N failed, N skipped`, summed from vitest's JSON report,
// so that a run that executed no test is visible as "0 passed". Exits 1 when the report is missing or
// counts no test at all.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'reports/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`summarize: no readable test report at ${file} (${error.message}); the tests did not run`);
  console.log('0 passed, 0 failed, 0 skipped');
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
// A spec file that fails before its tests run (an import or collection error) counts as one failure;
// so does a run vitest calls unsuccessful for an error outside any test (an unhandled rejection).
const brokenFiles = (report.testResults ?? []).filter(
  (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
).length;
let failed = (report.numFailedTests ?? 0) + brokenFiles;
if (report.success === false && failed === 0) {
  console.error(
    'summarize: vitest reports the run failed outside any test (an unhandled error): counted as 1',
  );
  failed = 1;
}
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed + failed === 0) {
  console.error('summarize: the run executed no test');
  process.exit(1);
}
