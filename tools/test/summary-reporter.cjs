// Records each Jest run's counts so `npm test` can print one closing line for the whole suite.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.name = globalConfig.rootDir.split('/').slice(-2).join('-');
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.BAZAAR_TEST_RESULTS;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const counts = {
      project: this.name,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    writeFileSync(join(dir, `${this.name}-${process.pid}.json`), JSON.stringify(counts));
  }
}

module.exports = SummaryReporter;
