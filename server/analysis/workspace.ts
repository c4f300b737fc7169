/**
 * The documents under analysis, in memory. The CLI fills it from the files it
 * was given (and the configured framework paths); the language server keeps
 * it in step with the editor and the file system. Cross-file questions
 * (which framework is `drugs-2008`? who depends on it?) are answered here.
 */
import type { ParseResult } from '../../grammar/index.js';
import { analyseDocument, type AnalysedDocument } from './document-model.js';
import { frameworkIndexOf, type FrameworkIndex } from './framework-index.js';

export class Workspace {
  private readonly documents = new Map<string, AnalysedDocument>();
  private frameworkTable: Map<string, AnalysedDocument[]> | undefined;

  /** Adds or replaces a document; returns its analysis. `parsed`: `parse(text)`, when the caller has it. */
  set(uri: string, text: string, version = 0, parsed?: ParseResult): AnalysedDocument {
    const previous = this.documents.get(uri);
    if (previous && previous.text === text) return previous;
    const doc = analyseDocument(uri, text, version, parsed);
    this.documents.set(uri, doc);
    if (previous?.frameworkId !== undefined || doc.frameworkId !== undefined) this.frameworkTable = undefined;
    return doc;
  }

  delete(uri: string): boolean {
    const previous = this.documents.get(uri);
    if (!previous) return false;
    this.documents.delete(uri);
    if (previous.frameworkId !== undefined) this.frameworkTable = undefined;
    return true;
  }

  get(uri: string): AnalysedDocument | undefined {
    return this.documents.get(uri);
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  all(): AnalysedDocument[] {
    return [...this.documents.values()];
  }

  get size(): number {
    return this.documents.size;
  }

  private table(): Map<string, AnalysedDocument[]> {
    if (!this.frameworkTable) {
      const table = new Map<string, AnalysedDocument[]>();
      const sorted = [...this.documents.values()].filter((d) => d.frameworkId !== undefined).sort((a, b) => a.uri.localeCompare(b.uri));
      for (const doc of sorted) {
        const list = table.get(doc.frameworkId!) ?? [];
        list.push(doc);
        table.set(doc.frameworkId!, list);
      }
      this.frameworkTable = table;
    }
    return this.frameworkTable;
  }

  /** Every framework file declaring `id` (more than one is a duplicate). */
  frameworkDocuments(id: string): readonly AnalysedDocument[] {
    return this.table().get(id) ?? [];
  }

  frameworkIds(): string[] {
    return [...this.table().keys()];
  }

  resolveFramework(id: string): FrameworkIndex | undefined {
    const doc = this.frameworkDocuments(id)[0];
    return doc ? frameworkIndexOf(doc) : undefined;
  }

  /** Strategies that name framework `id` in their header. */
  dependentsOf(id: string): AnalysedDocument[] {
    return this.all().filter((d) => d.frameworkRefs.some((r) => r.value === id));
  }
}
