// Types of generate-workspace.mjs, for the tests that use its files.
export declare const FRAMEWORK_ACTIONS: number;
export declare function generatedFramework(id: string, actions?: number): string;
export declare function generatedStrategy(index: number, bytes: number, frameworkId?: string, actions?: number): string;
export declare function writeWorkspace(dir: string, files: number, totalBytes: number): { files: number; bytes: number };
