#!/usr/bin/env node
// The `strategy` command. Plain old JavaScript on purpose: it must run on any
// Node.js far enough to say clearly that it is too old, instead of failing
// with a stack trace inside a dependency.
'use strict';

var parts = process.versions.node.split('.');
var major = Number(parts[0]);
var minor = Number(parts[1]);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    'strategy needs Node.js 22.12 or later; this is Node.js ' + process.version + '.\n' +
      'Install a current Node.js (https://nodejs.org), or, inside this repository, run it as\n' +
      '`npx strategy …` or `npm run strategy -- …`: after `npm install` these use the Node.js 24\n' +
      'that the project installs in node_modules/.bin.\n'
  );
  process.exit(2);
}

var path = require('path');
var fs = require('fs');
var bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('strategy is not built: run `npm run build` in ' + path.dirname(__dirname) + '\n');
  process.exit(2);
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
