#!/usr/bin/env node
// The `strategy` command. Plain old JavaScript on purpose: it must run on any
// Node.js far enough to say clearly that it is too old, instead of failing
// with a stack trace inside a dependency.
'use strict';

var path = require('path');
var fs = require('fs');
var packageRoot = path.join(__dirname, '..');
// A checkout of the repository (sources and the build script beside the bin), as opposed to the installed package.
var inCheckout = fs.existsSync(path.join(packageRoot, 'scripts', 'bundle.mjs'));

var parts = process.versions.node.split('.');
var major = Number(parts[0]);
var minor = Number(parts[1]);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    'strategy needs Node.js 22.12 or later; this is Node.js ' + process.version + '.\n' +
      (inCheckout
        ? 'Inside this repository, run it as `npx strategy …` or `npm run strategy -- …`: after\n' +
          '`npm install` these use the Node.js 24 that the project installs in node_modules/.bin.\n'
        : 'Install Node.js 22.12 or later (https://nodejs.org/en/download, or your system\'s package\n' +
          'manager, or a version manager such as nvm), then run strategy again.\n')
  );
  process.exit(2);
}

var bundle = path.join(packageRoot, 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  if (!inCheckout) {
    process.stderr.write('strategy: ' + bundle + ' is missing; reinstall the package (npm install strategy-language).\n');
    process.exit(2);
  }
  // A fresh checkout after `npm install`: bundle once (a few seconds), as `npm run build` would.
  process.stderr.write('strategy: building dist/ (first run in this checkout)…\n');
  var built = require('child_process').spawnSync(process.execPath, [path.join(packageRoot, 'scripts', 'bundle.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0 || !fs.existsSync(bundle)) {
    process.stderr.write('strategy is not built: run `npm run build` in ' + packageRoot + '\n');
    process.exit(2);
  }
}
// Cache V8's compiled code between runs (Node 22.1+): most of a lint run's
// start-up is compiling the bundle.
var nodeModule = require('module');
if (typeof nodeModule.enableCompileCache === 'function') {
  try {
    nodeModule.enableCompileCache();
  } catch (e) {
    // A read-only cache folder costs speed, not correctness.
  }
}
require(bundle);
