// Generates strategy workspaces for the language server benchmark: national
// frameworks, and local strategies that answer to them, written the way the
// real documents are (priorities of numbered commitments with owners, timings,
// measures, targets, links to national actions, notes and prose).
// Deterministic: the same arguments give the same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = (
  'reduce drug related offending improve access treatment recovery families children young people communities ' +
  'police probation health services partnership commissioning prevention education housing employment support ' +
  'offenders prolific priority neighbourhood policing enforcement supply markets dealing alcohol harm reduction ' +
  'needle exchange hepatitis testing referral pathway assessment outreach safeguarding schools parents carers ' +
  'integrated offender management criminal justice intervention programme monitoring evaluation training workforce'
).split(' ');
const OWNERS = ['"District CDRPs"', '"Gloucestershire Police"', '"Probation Service"', '"Primary Care Trust"', 'DAAT', 'SMOG', '"County Council"', 'PCT'];
const ACRONYMS = [
  ['DAAT', 'Drug and Alcohol Action Team'],
  ['SMOG', 'Substance Misuse Operational Group'],
  ['PCT', 'Primary Care Trust'],
  ['IOM', 'Integrated Offender Management'],
  ['CDRP', 'Crime and Disorder Reduction Partnership'],
];
const NI_CODES = [15, 16, 18, 19, 20, 30, 32, 38, 39, 40, 42, 43, 45, 46, 49, 111, 115, 117, 119, 120, 124, 126, 150];

/** A small deterministic random source (a linear congruential generator). */
function random(seed) {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function sentence(next, min, max) {
  const n = min + Math.floor(next() * (max - min + 1));
  const words = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(next() * WORDS.length)]);
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const FRAMEWORK_ACTIONS = 240;

/** A national framework: priorities of aims of numbered actions. */
export function generatedFramework(id, actions = FRAMEWORK_ACTIONS) {
  const next = random(id.length * 7919);
  const out = [`framework ${id} "National framework ${id}" {`, '  period 2008-04 to 2011-03', '  status published', '}', ''];
  const perAim = 10;
  const perPriority = 4;
  let n = 1;
  for (let p = 1; n <= actions; p++) {
    out.push(`priority N${p} "${sentence(next, 5, 10)}" {`);
    for (let a = 1; a <= perPriority && n <= actions; a++) {
      out.push(`  aim N${p}.${a} "${sentence(next, 5, 9)}" {`);
      for (let k = 0; k < perAim && n <= actions; k++, n++) {
        out.push(`    action ${n} "${sentence(next, 8, 18)}" {`);
        out.push('      owner HO');
        out.push(`      outcome "${sentence(next, 8, 16)}"`);
        out.push('      coverage "England and Wales"');
        out.push('      timing from 2008-04 "From April 2008"');
        out.push('    }');
      }
      out.push('  }');
    }
    out.push('}', '');
  }
  out.push('glossary {', '  HO "Home Office"', '  DH "Department of Health"', '}', '');
  return out.join('\n');
}

/** A local strategy of about `bytes` characters answering to framework `frameworkId`. */
export function generatedStrategy(index, bytes, frameworkId = 'national-0', actions = FRAMEWORK_ACTIONS) {
  const next = random(index + 1);
  const parts = [
    `strategy "Local strategy ${index}" {`,
    `  area "Area ${index}"`,
    '  period 2010-04 to 2013-03',
    '  status draft',
    `  framework ${frameworkId}`,
    '}',
    '',
    'partners "Key partner agencies" {',
    '  "Gloucestershire Police" role "reducing the availability of illicit substances"',
    '  "District Councils" role "host the Crime and Disorder Reduction Partnerships (CDRP)"',
    '}',
    '',
  ];
  let size = parts.reduce((n, l) => n + l.length + 1, 0);
  const glossary = ['glossary {', ...ACRONYMS.map(([t, m]) => `  ${t} "${m}"`), '}', ''];
  const reserve = glossary.reduce((n, l) => n + l.length + 1, 0);
  for (let p = 1; size < bytes - reserve; p++) {
    const block = [`priority P${p} "${sentence(next, 6, 12)}" {`, `  national aim N${1 + Math.floor(next() * 6)}.${1 + Math.floor(next() * 4)} "${sentence(next, 5, 9)}"`];
    block.push(`  measure NI ${NI_CODES[Math.floor(next() * NI_CODES.length)]}`);
    block.push(`  "${sentence(next, 20, 40)}."`);
    for (let c = 1; c <= 8; c++) {
      block.push(`  commitment P${p}.${c} "${sentence(next, 8, 20)}" {`);
      block.push(`    owner ${OWNERS[Math.floor(next() * OWNERS.length)]}`);
      block.push(next() < 0.8 ? '    timing 2010-04 to 2013-03' : '    timing "Ongoing"');
      block.push(`    supports action ${1 + Math.floor(next() * actions)}, ${1 + Math.floor(next() * actions)}`);
      if (next() < 0.7) block.push(`    target ${next() < 0.5 ? 'reduce' : 'increase'} ${Math.floor(next() * 40)}% NI ${NI_CODES[Math.floor(next() * NI_CODES.length)]} from ${Math.floor(next() * 60)}% by 2013-03`);
      else block.push('    target "Contact X households through targeted information campaigns"');
      if (next() < 0.2) block.push(`    note "${sentence(next, 4, 8)}?"`);
      block.push('  }');
    }
    block.push('}', '');
    const text = block.join('\n');
    parts.push(text);
    size += text.length + 1;
  }
  parts.push(...glossary);
  return parts.join('\n');
}

/**
 * Writes `files` files totalling about `totalBytes` into `dir`: two
 * frameworks, the rest strategies answering to one or the other.
 */
export function writeWorkspace(dir, files, totalBytes) {
  mkdirSync(dir, { recursive: true });
  const frameworks = ['national-0', 'national-1'];
  let written = 0;
  for (const id of frameworks) {
    const text = generatedFramework(id);
    writeFileSync(join(dir, `${id}.strategy`), text);
    written += text.length;
  }
  const each = Math.ceil((totalBytes - written) / (files - frameworks.length));
  for (let i = 0; i < files - frameworks.length; i++) {
    const sub = join(dir, `area-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    const text = generatedStrategy(i, each, frameworks[i % 2]);
    writeFileSync(join(sub, `strategy-${String(i).padStart(4, '0')}.strategy`), text);
    written += text.length;
  }
  return { files, bytes: written };
}
