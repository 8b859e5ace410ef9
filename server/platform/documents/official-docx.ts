/**
 * Official documents (公文) as .docx in the layout of GB/T 9704-2012《党政机关公文格式》:
 * - A4 (210 mm × 297 mm); margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm → type area 156 mm × 225 mm (§5.2.1–5.2.2);
 * - 22 lines of 28 characters per page (§5.2.4): document grid with a line pitch of 225 mm / 22 ≈ 28.95 pt and a
 *   character pitch of 156 mm / 28 ≈ 15.8 pt; body in 3号 (16 pt) 仿宋_GB2312 (§5.2.3), exact line spacing;
 * - plain (red-free) 发文机关 line and the title in 2号 (22 pt) 小标宋, centred (§7.2.1, §7.3.1);
 * - 发文字号 (e.g. 西政复〔2026〕12号) centred below, with 〔〕 brackets (§7.2.4);
 * - 主送机关 flush left with a full-width colon (§7.3.2); paragraphs indented by two characters (§7.3.3);
 * - signature: 发文机关署名 right-aligned two characters from the margin, 成文日期 below in Arabic numerals, its first
 *   character two characters right of the organ's first character (§7.3.5.1);
 * - 版记: 抄送 above the 印发 line (§7.4.2);
 * - page numbers in 4号 宋体 Arabic numerals between em dashes "— 1 —", odd pages right, even pages left, one
 *   character from the edge (§7.5).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
} from 'docx';

export interface OfficialDocInput {
  /** 发文机关 (plain line above the title); omitted when empty */
  organ: string;
  title: string;
  /** 发文字号, e.g. 西政复〔2026〕12号; null for a draft without a number */
  docNo: string | null;
  /** 主送机关 / 受文人, written flush left with a full-width colon */
  addressee?: string | undefined;
  paragraphs: string[];
  signature: {
    organ: string;
    /** YYYY-MM-DD, written 2026年11月28日; null leaves the date blank (draft) */
    date: string | null;
  };
  /** 抄送 */
  copyTo?: string[] | undefined;
  /** printed in the page header of every page, e.g. 草稿 */
  headerNote?: string | undefined;
  /**
   * 结构层次序数 (§7.3.3): a paragraph starting 一、 is a first-level heading in 黑体; one starting （一） has its first
   * sentence (the second-level heading) in 楷体. Off by default: other documents keep their plain body text.
   */
  structure?: boolean | undefined;
}

/** Fonts by role (GB/T 9704 §5.2.3 and §7). Word and WPS on government machines carry them; others substitute. */
export const OFFICIAL_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
  /** first- and second-level headings (§7.3.3) */
  heading1: '黑体',
  heading2: '楷体_GB2312',
} as const;
/** Half-points (docx `size`): 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt. */
export const OFFICIAL_SIZES = { title: 44, body: 32, pageNumber: 28 } as const;

const MM = convertMillimetersToTwip;
/** Page, margins and type area in twips. */
export const OFFICIAL_PAGE = {
  width: MM(210),
  height: MM(297),
  top: MM(37),
  bottom: MM(35),
  left: MM(28),
  right: MM(26),
  /** header and footer distances: the page number sits 7 mm below the type area (§7.5) */
  header: MM(15),
  footer: MM(28),
} as const;
const LINES = 22;
const CHARS = 28;
/** Line pitch of the grid and exact line height of body text, twips (225 mm / 22). */
export const LINE_PITCH = Math.round(MM(225) / LINES);
/** Character pitch, twips (156 mm / 28). */
const CHAR_PITCH = MM(156) / CHARS;
/** docGrid charSpace: (character pitch − Normal font size) in points × 4096 (ECMA-376 §17.6.5). */
const CHAR_SPACE = Math.round(((CHAR_PITCH - OFFICIAL_SIZES.body * 10) / 20) * 4096);

const bodyFont = { ascii: OFFICIAL_FONTS.body, hAnsi: OFFICIAL_FONTS.body, eastAsia: OFFICIAL_FONTS.body, cs: OFFICIAL_FONTS.body };
const titleFont = { ascii: OFFICIAL_FONTS.title, hAnsi: OFFICIAL_FONTS.title, eastAsia: OFFICIAL_FONTS.title, cs: OFFICIAL_FONTS.title };
const pageFont = { ascii: OFFICIAL_FONTS.pageNumber, hAnsi: OFFICIAL_FONTS.pageNumber, eastAsia: OFFICIAL_FONTS.pageNumber, cs: OFFICIAL_FONTS.pageNumber };
const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** Width of a string in characters of the grid: CJK and full-width = 1, ASCII = ½. */
export function charWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return w;
}

/** 2026-11-28 → 2026年11月28日 (GB/T 9704 §7.3.5.1: Arabic numerals, year in full, no leading zeros). */
export function officialDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const body = (text: string, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; rightChars?: number; keepNext?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    ...(opts.keepNext ? { keepNext: true } : {}),
    spacing: exact,
    indent: {
      ...(opts.indent === false ? {} : { firstLine: Math.round(CHAR_PITCH * 2) }),
      ...(opts.rightChars ? { right: Math.round(CHAR_PITCH * opts.rightChars) } : {}),
    },
    children: [new TextRun({ text, font: bodyFont, size: OFFICIAL_SIZES.body })],
  });
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
/** §7.3.3: 一、 → 黑体 paragraph; （一）heading。body → the heading sentence in 楷体, the rest in the body font. */
function structured(text: string, keep = false): Paragraph | null {
  const k = keep ? { keepNext: true } : {};
  if (/^[一二三四五六七八九十]+、/.test(text)) return new Paragraph({ ...k, alignment: AlignmentType.JUSTIFIED, spacing: exact, indent: { firstLine: Math.round(CHAR_PITCH * 2) }, children: [new TextRun({ text, font: font(OFFICIAL_FONTS.heading1), size: OFFICIAL_SIZES.body })] });
  const m = /^(（[一二三四五六七八九十]+）[^。]*。)([\s\S]*)$/.exec(text);
  if (!m) return null;
  return new Paragraph({
    ...k,
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact,
    indent: { firstLine: Math.round(CHAR_PITCH * 2) },
    children: [new TextRun({ text: m[1]!, font: font(OFFICIAL_FONTS.heading2), size: OFFICIAL_SIZES.body }), ...(m[2] ? [new TextRun({ text: m[2], font: bodyFont, size: OFFICIAL_SIZES.body })] : [])],
  });
}
const blank = (keepNext = false) => new Paragraph({ ...(keepNext ? { keepNext: true } : {}), spacing: exact, children: [new TextRun({ text: '', font: bodyFont, size: OFFICIAL_SIZES.body })] });
const titleLine = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    // 2号 characters on the 3号 grid: the same exact line pitch keeps the 22-line grid
    spacing: exact,
    children: [new TextRun({ text, font: titleFont, size: OFFICIAL_SIZES.title })],
  });
const pageNumber = (align: 'left' | 'right') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: Math.round(CHAR_PITCH) } : { left: Math.round(CHAR_PITCH) },
        children: [new TextRun({ font: pageFont, size: OFFICIAL_SIZES.pageNumber, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });

/** Builds the .docx. Pure: the same input gives the same document (no timestamps beyond the docx package's own). */
export async function buildOfficialDocx(input: OfficialDocInput): Promise<Buffer> {
  const children: Paragraph[] = [];
  if (input.organ.trim()) children.push(titleLine(input.organ.trim()));
  children.push(titleLine(input.title));
  if (input.docNo) children.push(body(input.docNo, { indent: false, align: AlignmentType.CENTER }));
  children.push(blank());
  if (input.addressee) children.push(body(`${input.addressee.replace(/[：:]$/, '')}：`, { indent: false, align: AlignmentType.LEFT }));
  // The last paragraph of the text, the blank lines and the organ keep with the next paragraph, so that the signature
  // never stands alone on a page: at least the last lines of the text go over with it (§7.3.5.1).
  let last = input.paragraphs.length - 1;
  while (last >= 0 && !input.paragraphs[last]!.trim()) last--;
  input.paragraphs.forEach((p, i) => {
    const keep = i === last;
    children.push(p.trim() ? ((input.structure ? structured(p.trim(), keep) : null) ?? body(p.trim(), { keepNext: keep })) : blank());
  });

  // Signature (§7.3.5.1): the organ two characters from the right margin; the date's first character two characters
  // right of the organ's first character; a date longer than that moves the organ right and sits two from the margin.
  const organ = input.signature.organ;
  const date = input.signature.date ? officialDate(input.signature.date) : '年　　月　　日';
  const ow = charWidth(organ);
  const dw = charWidth(date);
  let organRight = 2;
  let dateRight = ow - dw;
  if (dateRight < 2) {
    dateRight = 2;
    organRight = 4 + dw - ow;
  }
  children.push(blank(true), blank(true));
  children.push(body(organ, { indent: false, align: AlignmentType.RIGHT, rightChars: organRight, keepNext: true }));
  children.push(body(date, { indent: false, align: AlignmentType.RIGHT, rightChars: dateRight }));

  if (input.copyTo?.length) {
    children.push(blank());
    children.push(
      new Paragraph({
        spacing: exact,
        // 版记: separated by a thin rule, 抄送 one character in from the left (§7.4.2)
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 }, bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } },
        indent: { left: Math.round(CHAR_PITCH), right: Math.round(CHAR_PITCH), hanging: Math.round(CHAR_PITCH * 3) },
        children: [new TextRun({ text: `抄送：${input.copyTo.join('，')}。`, font: bodyFont, size: 28 })],
      }),
    );
  }

  const header = input.headerNote
    ? new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: input.headerNote, font: bodyFont, size: OFFICIAL_SIZES.pageNumber, bold: true })] })] })
    : undefined;
  const doc = new Document({
    creator: input.signature.organ,
    title: input.docNo ? `${input.title}（${input.docNo}）` : input.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: bodyFont, size: OFFICIAL_SIZES.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: OFFICIAL_PAGE.width, height: OFFICIAL_PAGE.height },
            margin: { top: OFFICIAL_PAGE.top, bottom: OFFICIAL_PAGE.bottom, left: OFFICIAL_PAGE.left, right: OFFICIAL_PAGE.right, header: OFFICIAL_PAGE.header, footer: OFFICIAL_PAGE.footer },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        ...(header ? { headers: { default: header, even: header } } : {}),
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
