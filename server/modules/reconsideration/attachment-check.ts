/**
 * Type check of an uploaded attachment by its content (magic bytes), never by its name alone: the content must be one
 * of the accepted kinds and the extension must agree with it. Zip containers are opened (central directory only) to
 * tell a Word document (word/document.xml) or an OFD file (OFD.xml, GB/T 33190) from any other archive.
 */
import { PORTAL_ATTACHMENT_KINDS, type PortalAttachmentKind, type PortalAttachmentReason, PORTAL_UPLOAD_LIMITS } from '../../../common/contracts';

export type CheckResult = { ok: true; kind: PortalAttachmentKind } | { ok: false; reason: PortalAttachmentReason };

const startsWith = (b: Buffer, bytes: number[]) => bytes.every((v, i) => b[i] === v);

/** File names of a zip archive's central directory, or null when it is not a readable (non-ZIP64) archive. */
export function zipEntryNames(b: Buffer): string[] | null {
  const EOCD = 0x06054b50;
  const CEN = 0x02014b50;
  const min = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (b.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > eocd) return null;
  const names: string[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || b.readUInt32LE(p) !== CEN) return null;
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    if (p + 46 + nameLen > eocd) return null;
    names.push(b.subarray(p + 46, p + 46 + nameLen).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

const ACTIVE_MARKERS = ['<html', '<!doctype', '<svg', '<script', '<?xml', '<body', '<head', '<iframe', '<?php', '<%'];

/** What the content is, whatever the name says. */
function detect(b: Buffer, ext: string): CheckResult {
  if (b.length === 0) return { ok: false, reason: 'EMPTY' };
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    // %PDF- : a PDF with JavaScript actions is refused (it would run in the viewer of whoever opens it).
    const text = b.toString('latin1');
    if (/\/(JavaScript|JS)\b/.test(text)) return { ok: false, reason: 'PDF_SCRIPT' };
    return { ok: true, kind: 'pdf' };
  }
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { ok: true, kind: 'jpeg' };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, kind: 'png' };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(b);
    const has = (n: string) => !!names?.some((x) => x.toLowerCase() === n.toLowerCase());
    if (has('word/document.xml')) return has('word/vbaProject.bin') ? { ok: false, reason: 'DOCX_MACRO' } : { ok: true, kind: 'docx' };
    if (has('OFD.xml')) return { ok: true, kind: 'ofd' };
    if (ext === 'docx') return { ok: false, reason: 'DOCX_INVALID' };
    if (ext === 'ofd') return { ok: false, reason: 'OFD_INVALID' };
    return { ok: false, reason: 'TYPE_NOT_ALLOWED' };
  }
  // Windows PE (MZ), ELF, Mach-O (32/64, both byte orders, fat), Java class files share CAFEBABE with fat Mach-O.
  if (
    startsWith(b, [0x4d, 0x5a]) ||
    startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(b, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(b, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(b, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(b, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(b, [0xca, 0xfe, 0xba, 0xbe])
  )
    return { ok: false, reason: 'EXECUTABLE' };
  const head = b.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('#!') || ACTIVE_MARKERS.some((m) => head.includes(m))) return { ok: false, reason: 'ACTIVE_CONTENT' };
  return { ok: false, reason: 'TYPE_NOT_ALLOWED' };
}

/** Lower-case extension of a file name ('' when none). */
export function extensionOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i > 0 ? name.slice(i + 1).toLowerCase() : '';
}

/** The name as metadata: no directory part, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

export function checkAttachment(name: string, data: Buffer, truncated = false): CheckResult {
  if (truncated || data.length > PORTAL_UPLOAD_LIMITS.fileBytes) return { ok: false, reason: 'TOO_LARGE' };
  const clean = cleanFileName(name);
  if (!clean || clean.length > 200) return { ok: false, reason: 'NAME_INVALID' };
  const ext = extensionOf(clean);
  const found = detect(data, ext);
  if (!found.ok) return found;
  const allowed: readonly string[] = PORTAL_ATTACHMENT_KINDS[found.kind].extensions;
  if (!allowed.includes(ext)) return { ok: false, reason: 'EXTENSION_MISMATCH' };
  return found;
}

export const MIME_OF_KIND: Record<PortalAttachmentKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ofd: 'application/ofd',
};
