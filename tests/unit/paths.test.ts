import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../shared/security/csp.js';
import { safeRelativePath } from '../../shared/security/paths.js';

describe('safeRelativePath', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/app.js', 'assets/app.js'],
    ['/assets/./app.js', 'assets/app.js'],
    ['//assets//app.js', 'assets/app.js'],
    ['/assets/app.js?v=3#top', 'assets/app.js'],
    ['/fonts/Marianne%20Bold.woff2', 'fonts/Marianne Bold.woff2'],
    ['/appels/12', 'appels/12'],
    ['/file..name.js', 'file..name.js'],
  ])('%j -> %j', (urlPath, rel) => {
    expect(safeRelativePath(urlPath)).toBe(rel);
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/assets/..',
    '/%2e%2e/etc/passwd',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/assets/..%2f..%2fetc%2fpasswd',
    '/%252e%252e/etc/passwd', // double-encoded
    '/..%5c..%5cwindows%5cwin.ini',
    '/assets\\..\\secret',
    '/C:/Windows/win.ini',
    '/c:',
    '/index.html%00.js',
    '/%E0%A4%A', // malformed escape
  ])('refuses %j', (urlPath) => {
    expect(safeRelativePath(urlPath)).toBeNull();
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the app itself and nothing remote', () => {
    const csp = contentSecurityPolicy();
    const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
    expect(contentSecurityPolicy({ connectSrc: ['http://127.0.0.1:4780'] })).toContain("connect-src 'self' http://127.0.0.1:4780");
  });
});
