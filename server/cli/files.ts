/** The CLI's view of the shared file walking (server/workspace-files/), which the language server uses too. */
export { displayPath, expandPaths, splitArguments, type PathProblem } from '../workspace-files/files.js';
