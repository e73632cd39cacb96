/**
 * The Content-Security-Policy of every page of the app. Scripts only from the app itself; no eval, no
 * inline scripts, no remote origin. Inline styles are allowed because the design system sets a few.
 * `connectSrc` adds the browser-mode API origin (same origin in practice).
 */
export function contentSecurityPolicy(options: { connectSrc?: string[] } = {}): string {
  const connect = ["'self'", ...(options.connectSrc ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
