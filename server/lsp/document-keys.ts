/**
 * How the server names documents. The analysis (like the CLI) names a file
 * by its absolute path, so that messages which mention another file read the
 * same in the editor as on the command line; documents with no file (an
 * untitled buffer) keep their URI. The URI the client used for an open
 * document is remembered and used in replies, so the client always gets back
 * the exact string it sent.
 */
import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const clientUris = new Map<string, string>();

export function keyOf(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  return uri;
}

export function uriOf(key: string): string {
  const known = clientUris.get(key);
  if (known) return known;
  return isAbsolute(key) ? pathToFileURL(key).href : key;
}

/** Remembers the client's spelling of a document's URI while it is open. */
export function rememberClientUri(uri: string): string {
  const key = keyOf(uri);
  clientUris.set(key, uri);
  return key;
}

export function forgetClientUri(key: string): void {
  clientUris.delete(key);
}

/** Whether a key names a file on disk (rather than an untitled or virtual document). */
export function isFileKey(key: string): boolean {
  return isAbsolute(key);
}
