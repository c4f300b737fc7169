import { closestWord } from '../../grammar/spelling.js';
import type { Rule } from './rule.js';

export const unknownFramework: Rule = {
  meta: {
    id: 'unknown-framework',
    defaultSeverity: 'error',
    description: 'A strategy names a framework that is in none of the files given or the configured framework paths.',
    fixable: false,
    docs: {
      why: 'A strategy that names a framework the tools cannot find cannot be checked against it: its national aims and actions go unchecked.',
      howToFix: 'Lint the framework file together with the strategy (`strategy lint strategies/ frameworks/`), or list its file or folder under `frameworks` in strategy.config.json.',
      bad: 'framework drugs-2080',
      good: 'framework drugs-2008',
    },
  },
  create(context) {
    return {
      frameworkRef(node) {
        for (const ref of node.refs) {
          if (context.workspace.frameworkDocuments(ref.value).length > 0) continue;
          const near = closestWord(ref.value, context.workspace.frameworkIds());
          context.report({
            message: `Framework ${ref.value} is not found: lint its file along with this one, or list it under \`frameworks\` in strategy.config.json.${near ? ` Did you mean ${near}?` : ''}`,
            range: ref.range,
            suggestions: near ? [{ title: `Change to ${near}`, edits: [{ range: ref.range, newText: near }] }] : [],
          });
        }
      },
    };
  },
};
