/** JUnit XML, as CI systems read it: a test suite per file, a failing test case per finding. */
import type { Formatter } from './index.js';

const xml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** A file's suite, and how many test cases and failures it adds to the totals. */
interface Suite {
  readonly text: string;
  readonly tests: number;
  readonly failures: number;
}

/** JUnit's enclosing element carries the totals, so each file's suite is kept as text until the end. */
export function junitFormatter(): Formatter<Suite> {
  return {
    part(r) {
      const out = [`  <testsuite name="${xml(r.display)}" tests="${Math.max(1, r.findings.length)}" failures="${r.findings.length}" errors="0" skipped="0">`];
      if (r.findings.length === 0) out.push(`    <testcase name="${xml(r.display)}" classname="strategy.${xml(r.display)}" />`);
      for (const f of r.findings) {
        const where = `${r.display}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
        out.push(`    <testcase name="${xml(`${where} ${f.ruleId}`)}" classname="strategy.${xml(f.ruleId)}">`);
        out.push(`      <failure message="${xml(f.message)}" type="${f.severity}">${xml(`${where}: ${f.severity} ${f.ruleId} ${f.message}`)}</failure>`);
        out.push('    </testcase>');
      }
      out.push('  </testsuite>');
      return { text: out.join('\n'), tests: Math.max(1, r.findings.length), failures: r.findings.length };
    },
    join() {
      const suites: string[] = [];
      let tests = 0;
      let failures = 0;
      return {
        add(suite) {
          tests += suite.tests;
          failures += suite.failures;
          suites.push(suite.text);
          return '';
        },
        end() {
          const head = ['<?xml version="1.0" encoding="utf-8"?>', `<testsuites name="strategy lint" tests="${tests}" failures="${failures}" errors="0">`];
          return `${[...head, ...suites, '</testsuites>'].join('\n')}\n`;
        },
      };
    },
  };
}
