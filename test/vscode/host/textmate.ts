/**
 * VS Code's own TextMate engine (vscode-textmate with Oniguruma, from the
 * running VS Code's installation), loaded with the extension's grammar: the
 * tests tokenize with exactly what colours the editor.
 */
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of vscode-textmate and vscode-oniguruma the tests use. */
interface TextMateToken {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly scopes: string[];
}
interface StateStack {
  readonly _stateStackBrand: void;
}
interface TextMateGrammar {
  tokenizeLine(line: string, state: StateStack | null): { tokens: TextMateToken[]; ruleStack: StateStack };
}
interface TextMateModule {
  INITIAL: StateStack;
  Registry: new (options: { onigLib: Promise<unknown>; loadGrammar(scopeName: string): Promise<unknown> }) => { loadGrammar(scopeName: string): Promise<TextMateGrammar | null> };
  parseRawGrammar(content: string, path: string): unknown;
}
interface OnigurumaModule {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

export type LineTokens = { text: string; start: number; end: number; scopes: string[] }[];

let grammar: Promise<TextMateGrammar> | undefined;

function load(grammarPath: string): Promise<TextMateGrammar> {
  const modules = join(vscode.env.appRoot, 'node_modules');
  const textmate = require(join(modules, 'vscode-textmate')) as TextMateModule;
  const oniguruma = require(join(modules, 'vscode-oniguruma')) as OnigurumaModule;
  const wasm = readFileSync(join(modules, 'vscode-oniguruma', 'release', 'onig.wasm'));
  const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  }));
  const registry = new textmate.Registry({
    onigLib,
    loadGrammar: async (scopeName) => (scopeName === 'source.strategy' ? textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null),
  });
  return registry.loadGrammar('source.strategy').then((g) => {
    if (!g) throw new Error(`no grammar in ${grammarPath}`);
    return g;
  });
}

/** Each line's tokens, as the editor's TextMate tokenizer produces them. */
export async function tokenize(grammarPath: string, text: string): Promise<LineTokens[]> {
  grammar ??= load(grammarPath);
  const g = await grammar;
  let state: StateStack | null = null;
  return text.split(/\r?\n/).map((line) => {
    const r = g.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, end: t.endIndex, scopes: t.scopes }));
  });
}
