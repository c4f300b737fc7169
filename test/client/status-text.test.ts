import assert from 'node:assert/strict';
import { nodeSupported, statusView } from '../../client/status-text.js';

const none = { errors: 0, warnings: 0, infos: 0 };

describe('status bar text', () => {
  it('says the server is starting, with a spinner', () => {
    assert.equal(statusView('starting', none).text, '$(sync~spin) Strategy');
  });

  it('shows a tick and no count when the strategy files are clean', () => {
    const v = statusView('running', none);
    assert.equal(v.text, '$(check) Strategy');
    assert.match(v.tooltip, /running\. No problems in strategy files\./);
    assert.equal(v.alarm, false);
  });

  it('counts every problem and takes the icon of the worst', () => {
    assert.equal(statusView('running', { errors: 1, warnings: 2, infos: 3 }).text, '$(error) Strategy: 6');
    assert.equal(statusView('running', { errors: 0, warnings: 2, infos: 3 }).text, '$(warning) Strategy: 5');
    assert.equal(statusView('running', { errors: 0, warnings: 0, infos: 1 }).text, '$(info) Strategy: 1');
    assert.match(statusView('running', { errors: 1, warnings: 2, infos: 1 }).tooltip, /1 error, 2 warnings and 1 info in strategy files/);
  });

  it('says when the server is indexing, then how much it indexed', () => {
    assert.equal(statusView('indexing', none, { files: 12, frameworks: 2 }).text, '$(sync~spin) Strategy: indexing');
    assert.match(statusView('indexing', none, { files: 12, frameworks: 2 }).tooltip, /\(12 files so far\)/);
    assert.match(statusView('running', none, { files: 5, frameworks: 1, durationMs: 40 }).tooltip, /running\. 5 strategy files indexed \(1 framework\) in 40 ms\. No problems/);
  });

  it('says plainly when VS Code runs extensions on a Node.js too old for the server', () => {
    assert.ok(!nodeSupported('20.18.0'));
    assert.ok(nodeSupported('22.15.1'));
    assert.ok(nodeSupported('24.1.0'));
    const v = statusView('unsupported', none);
    assert.equal(v.text, '$(error) Strategy: needs a newer VS Code');
    assert.match(v.tooltip, /needs Node\.js 22 or later/);
    assert.equal(v.alarm, true);
  });

  it('raises the alarm when the server is stopped or missing', () => {
    assert.equal(statusView('stopped', none).alarm, true);
    assert.match(statusView('stopped', none).tooltip, /Click to restart/);
    assert.equal(statusView('missing', none).text, '$(error) Strategy: no server');
  });
});
