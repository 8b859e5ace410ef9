/** Small text helpers for the rule base: Chinese numerals, dates, sentence scoping of negations and citations. */
import { type Span, segments } from './split';

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** 12, 十二, 二十, 一百零五, 两 → number; NaN when not a numeral. */
export function parseNumber(s: string): number {
  const t = s.normalize('NFKC').trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  let total = 0;
  let section = 0;
  let num = 0;
  let seen = false;
  for (const ch of t) {
    if (ch in DIGIT) {
      num = DIGIT[ch]!;
      seen = true;
    } else if (ch in UNIT) {
      const u = UNIT[ch]!;
      if (u === 10000) {
        total += (section + num) * u;
        section = 0;
      } else section += (num || 1) * u;
      num = 0;
      seen = true;
    } else return NaN;
  }
  return seen ? total + section + num : NaN;
}

export const NUM = '[0-9０-９一二三四五六七八九十百千零〇两]+';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}
export const DATE_RE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu;

export function dayNumber(d: Ymd): number {
  return Math.floor(Date.UTC(d.y, d.m - 1, d.d) / 86_400_000);
}

/** Segment (comma-level) of `sent` that contains offset `idx`. */
export function segmentAt(sent: string, idx: number): Span {
  for (const s of segments(sent)) if (idx >= s.start && idx < s.end) return s;
  return { start: 0, end: sent.length, text: sent };
}

/** A citation of a superior instrument: 依照《…》…, 依照有关法律、法规的规定, 按照国家有关规定… (not 本办法). */
const CITE_RE = new RegExp(
  [
    '(?:依照|依据|按照|根据|适用|遵守|符合)[^，。；,;]{0,8}《[^》]{2,60}》',
    '(?:依照|依据|按照|根据)(?!本(?:办法|规定|细则|意见|方案|通知|决定)|[^，。；,;]{0,4}(?:需要|实际|情况)|(?:本区|本县|本街道|本镇|本乡|区政府|区人民政府|县政府|县人民政府|街道|本部门|本单位|本局)[^，。；,;]{0,6}有关规定)[^，。；,;]{0,30}(?:法律|行政法规|(?<!办)法规|规章|司法解释|国家[^，。；,;]{0,20}规定|有关规定|清单)',
    '依法(?:享有|具有|取得)[^，。；,;]{0,12}(?:权|职权|资格)',
    '法律、?(?:行政)?法规(?:、规章)?(?:另有规定|有规定)',
  ].join('|'),
  'u',
);

/** True when the sentence cites a superior basis that covers offset `idx`: anywhere in the sentence, except for a
 *  segment that escalates beyond it (并一律…, 一律…, 另…). */
export function coveredByBasis(sent: string, idx: number): boolean {
  if (!CITE_RE.test(sent)) return false;
  const seg = segmentAt(sent, idx);
  if (/^(?:并|且|同时)?一律|^另行?|^并加重/u.test(seg.text)) return false;
  // a further measure joined on after the cited one (…依照《…》的规定处罚，并责令停业整顿) is the document's own,
  // unless the segment cites its own basis; 并处 is the statute's own wording for a combined sanction
  if (/^(?:并|同时|且|还)(?:一并|直接|可以)?(?:责令|吊销|暂扣|没收|处以|给予|予以|取消|限制|列入|纳入|通报|曝光|停止|关闭|查封|扣押|冻结|收回|注销)/u.test(seg.text) && !CITE_RE.test(seg.text) && seg.start > 0 && CITE_RE.test(sent.slice(0, seg.start))) return false;
  // a citation inside the very segment that sets an extra measure after the cited one: 依照…处罚并一律…
  const before = sent.slice(seg.start, idx);
  if (/一律/u.test(before)) return false;
  return true;
}

export function hasCitation(text: string): boolean {
  return CITE_RE.test(text);
}

const NEG_RE = /(?:不得|严禁|禁止|不再|无需|无须|不需|免于|免予|免除|不予|不作为|不要求|不收取|取消|不应|不能|不必|避免|防止|不存在|杜绝|严格控制)/u;

/** True when the segment containing `idx` negates what follows (不得…, 无需…, 不作为…); `from` limits how far back. */
export function negatedAt(sent: string, idx: number, window = 20): boolean {
  const seg = segmentAt(sent, idx);
  // a negation does not reach past a conjunction that adds a measure (取消其资格并处罚款)
  const before = /^(?:并|同时|且)/u.test(sent.slice(idx)) ? '' : sent.slice(Math.max(seg.start, idx - window), idx).split(/并|同时|且/u).pop()!;
  // a segment that opens with a prohibition covers everything in it (严禁违反法定权限…实施查封); so does a segment
  // addressed to everyone (任何单位和个人不得…), but not the sanction that follows it (…，违者处罚款)
  return (
    NEG_RE.test(before) ||
    /(?:不|免|勿)$/u.test(before) ||
    /^(?:严禁|禁止|不得|不准|杜绝)/u.test(sent.slice(seg.start, idx)) ||
    /(?:任何(?:单位|组织|个人|部门|机关)|各(?:部门|单位|级))[^。；，,]{0,20}(?:不得|严禁|禁止)/u.test(sent.slice(seg.start, idx))
  );
}

/** The match describes the conduct of a violation (违反…/违法…/擅自…收取费用的，…), not a measure the text imposes. */
export function inViolationCondition(sent: string, idx: number): boolean {
  const before = sent.slice(0, idx);
  const after = sent.slice(idx, idx + 40);
  return /(?:违反|违法|擅自|非法|滥)[^，,。；]*$|(?:违反|违法)[^。；]{0,30}[，,][^，,。；]*$/u.test(before) && /^[^。；]*?的[，,]/u.test(after) && !/^(?:由|处|并处|对其|责令|可以|应当|予以|给予)/u.test(segmentAt(sent, idx).text);
}

/** The whole clause says the matter is voluntary or not a precondition (告知不作为前置条件, 自愿申报…). */
export function notAPrecondition(text: string): boolean {
  return /不作为[^。；]{0,20}(?:前置|条件|依据)|自愿(?:申报|申请|参加|提供|选择|参与)|不影响[^。；]{0,10}(?:受理|经营|办理|申请)/u.test(text);
}
