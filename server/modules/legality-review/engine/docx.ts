import { readZipEntry } from '../../../platform/documents';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(parseInt(e.slice(1), 10)) : ENTITIES[e]!,
  );
}

/**
 * The text of a .docx (word/document.xml): one line per paragraph, runs concatenated, tabs and line breaks kept.
 * Only reads XML; nothing in the file is executed. Null when the buffer is not a readable .docx.
 */
export function extractDocxText(buffer: Buffer): string | null {
  const xml = readZipEntry(buffer, 'word/document.xml');
  if (!xml) return null;
  const doc = xml.toString('utf8');
  const body = /<w:body[^>]*>([\s\S]*)<\/w:body>/u.exec(doc)?.[1];
  if (body === undefined) return null;
  const lines: string[] = [];
  for (const p of body.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/gu)) {
    let line = '';
    for (const t of p[0].matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>|<w:cr\/>/gu)) {
      if (t[1] !== undefined) line += decode(t[1]);
      else if (t[0] === '<w:tab/>') line += '\t';
      else line += '\n';
    }
    lines.push(line);
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
