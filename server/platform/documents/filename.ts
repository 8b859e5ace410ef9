/**
 * File names for downloads. A name may carry Chinese (《》〔〕（）): it goes out as RFC 6266 / RFC 5987
 * `filename*=UTF-8''…` (percent-encoded UTF-8) with an ASCII fallback `filename="…"` for old clients.
 */

/** Removes what a file system or a header cannot carry: path separators, control and reserved characters. */
export function safeFileName(name: string, fallback = 'document'): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 150);
  return cleaned || fallback;
}

/** RFC 5987 ext-value: every byte outside attr-char percent-encoded (encodeURIComponent leaves ' ( ) * ! unescaped). */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The Content-Disposition header of an attachment named `name` (sanitised). */
export function contentDisposition(name: string, fallbackAscii = 'document'): string {
  const safe = safeFileName(name);
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(safe)?.[0] ?? '';
  const base = safe.slice(0, safe.length - ext.length);
  // a name with non-ASCII characters gets the generic fallback: half a Chinese name is no name
  const asciiBase = /^[\x20-\x7e]+$/.test(base) ? base.replace(/["\\%;]/g, '').trim() : '';
  const ascii = `${asciiBase || fallbackAscii}${ext}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(safe)}`;
}
