/**
 * Turns the path part of a URL into a safe relative file path inside the app's folder, or null when it
 * tries to leave it (`..`, encoded `%2e%2e`, backslashes, NUL, absolute or drive paths). Used by the
 * desktop app's app:// protocol and by the browser-mode server alike.
 */
export function safeRelativePath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '');
  } catch {
    return null; // malformed escape such as %E0%A4%A
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // A second decoding must not reveal anything new (double-encoded traversal).
  if (/%[0-9a-f]{2}/i.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || /^[a-z]:$/i.test(s))) return null;
  return segments.join('/') || 'index.html';
}
