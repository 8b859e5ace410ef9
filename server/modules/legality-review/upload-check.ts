/**
 * Uploaded materials are checked by size, by their content (leading bytes) and by the extension agreeing with the
 * content; nothing uploaded is ever executed or served inline.
 */
import { LR_MATERIAL_UPLOAD } from '../../../common/contracts';
import { readZipEntry } from '../../platform/documents';

export type UploadCheck = { ok: true; mime: string; ext: string } | { ok: false; reason: 'TOO_LARGE' | 'EMPTY' | 'TYPE_NOT_ALLOWED' | 'CONTENT_MISMATCH' | 'MACRO' | 'SCRIPT' };

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  ofd: 'application/ofd',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain; charset=utf-8',
};

const starts = (b: Buffer, bytes: number[]) => bytes.every((v, i) => b[i] === v);

function contentKind(b: Buffer): string | null {
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return /\/(JavaScript|JS)\b/.test(b.toString('latin1')) ? 'pdf-script' : 'pdf';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'jpg';
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) {
    if (readZipEntry(b, 'word/document.xml')) return readZipEntry(b, 'word/vbaProject.bin') ? 'docx-macro' : 'docx';
    if (readZipEntry(b, 'OFD.xml')) return 'ofd';
    return 'zip';
  }
  // plain text: valid UTF-8 without NUL bytes or markup that a browser would run
  if (b.includes(0)) return null;
  const s = b.toString('utf8');
  if (s.includes('\uFFFD')) return null;
  if (/<(script|html|svg|iframe|body)\b/i.test(s.slice(0, 4096))) return 'markup';
  return 'txt';
}

export function checkUpload(name: string, bytes: Buffer, truncated: boolean, allowed: readonly string[]): UploadCheck {
  if (truncated || bytes.length > LR_MATERIAL_UPLOAD.maxBytes) return { ok: false, reason: 'TOO_LARGE' };
  if (bytes.length === 0) return { ok: false, reason: 'EMPTY' };
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!allowed.includes(ext)) return { ok: false, reason: 'TYPE_NOT_ALLOWED' };
  const kind = contentKind(bytes);
  if (kind === 'docx-macro') return { ok: false, reason: 'MACRO' };
  if (kind === 'pdf-script' || kind === 'markup') return { ok: false, reason: 'SCRIPT' };
  const same = kind === ext || (kind === 'jpg' && ext === 'jpeg');
  if (!same) return { ok: false, reason: 'CONTENT_MISMATCH' };
  return { ok: true, mime: MIME[ext] ?? 'application/octet-stream', ext };
}
