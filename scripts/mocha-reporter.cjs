// Mocha's spec reporter, plus a machine-readable tally for CI: when
// STRATEGY_TEST_RESULTS names a file, the suite's passes and failures are
// written there so that .ci/run can total every suite it ran.
'use strict';
const fs = require('fs');
const Mocha = require('mocha');

class StrategyReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.STRATEGY_TEST_RESULTS;
      if (!file) return;
      const { passes, failures, pending } = runner.stats;
      fs.writeFileSync(file, JSON.stringify({ suite: process.env.STRATEGY_TEST_SUITE || 'unit', passed: passes, failed: failures, pending }) + '\n');
    });
  }
}

module.exports = StrategyReporter;
