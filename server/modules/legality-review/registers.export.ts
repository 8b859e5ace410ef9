/**
 * Excel export (exceljs) of the 合法性审查 registers with the filters the screen applies: the draft register
 * (登记台账: kind, status, search text, expiring) and the legal-adviser consultation register (status, subject) with
 * the advisers' totals. The first row of each sheet states the filters and the generation time, so a printed sheet
 * says what it lists.
 */
import ExcelJS from 'exceljs';
import {
  LR_CONSULT_SUBJECT_LABELS,
  LR_DRAFT_KIND_LABELS,
  LR_DRAFT_STATUS_LABELS,
  type LrDraftKind,
  type LrDraftStatus,
  type LrDraftSummary,
} from '../../../common/contracts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** At most this many rows are exported; the sheet says so when the register holds more. */
export const EXPORT_MAX_ROWS = 5000;

export const LR_CONSULT_STATUS_LABELS = { requested: '待指派', assigned: '已指派', answered: '已出具意见' } as const;

export interface ConsultExportRow {
  no: string;
  subject: keyof typeof LR_CONSULT_SUBJECT_LABELS;
  title: string;
  requestingUnit: string;
  requestedOn: string;
  dueOn: string | null;
  adviserName: string | null;
  assignedOn: string | null;
  answeredOn: string | null;
  minutes: number | null;
  status: keyof typeof LR_CONSULT_STATUS_LABELS;
}
export interface AdviserExportRow {
  name: string;
  firm: string;
  specialty: string | null;
  active: boolean;
  consultations: number;
  minutes: number;
}

const stampOf = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));

function newBook(generatedAt: string) {
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治 Fazhi';
  wb.created = new Date(generatedAt);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string, caption: string, headers: string[], rows: (string | number)[][], widths: number[]) {
  const ws = wb.addWorksheet(name);
  ws.addRow([caption]);
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getRow(1).font = { bold: true, size: 12 };
  const h = ws.addRow(headers);
  h.font = { bold: true };
  h.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
  for (const r of rows) ws.addRow(r);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return ws;
}

/** The filters in words, as on the screen (全部 when none). */
export function draftFilterText(f: { kind?: LrDraftKind | undefined; status?: LrDraftStatus | undefined; q?: string | undefined; expiring?: 'true' | 'false' | undefined }): string {
  const parts: string[] = [];
  if (f.kind) parts.push(`类型：${LR_DRAFT_KIND_LABELS[f.kind]}`);
  if (f.status) parts.push(`状态：${LR_DRAFT_STATUS_LABELS[f.status]}`);
  if (f.q) parts.push(`检索：${f.q}`);
  if (f.expiring === 'true') parts.push('180日内有效期届满');
  return parts.length ? parts.join('；') : '全部';
}

export function consultFilterText(f: { status?: keyof typeof LR_CONSULT_STATUS_LABELS | undefined; subject?: keyof typeof LR_CONSULT_SUBJECT_LABELS | undefined }): string {
  const parts: string[] = [];
  if (f.subject) parts.push(`事项：${LR_CONSULT_SUBJECT_LABELS[f.subject]}`);
  if (f.status) parts.push(`状态：${LR_CONSULT_STATUS_LABELS[f.status]}`);
  return parts.length ? parts.join('；') : '全部';
}

const more = (total: number, shown: number) => (total > shown ? `；共${total}件，仅导出前${shown}件，请缩小筛选范围` : `；共${total}件`);

/** 合法性审查登记台账. */
export async function draftRegisterWorkbook(rows: LrDraftSummary[], total: number, filterText: string, generatedAt: string): Promise<Buffer> {
  const wb = newBook(generatedAt);
  sheet(
    wb,
    '登记台账',
    `合法性审查登记台账（筛选：${filterText}${more(total, rows.length)}；生成时间：${stampOf(generatedAt)}）`,
    ['登记号', '类型', '标题', '起草单位', '状态', '送审日期', '审查期限', '审查人员', '文号', '有效期至'],
    rows.map((r) => [r.regNo, LR_DRAFT_KIND_LABELS[r.kind], r.title, r.draftingUnit, LR_DRAFT_STATUS_LABELS[r.status], r.submittedOn, r.reviewDue ?? '', r.reviewerName ?? '', r.docNo ?? '', r.validUntil ?? '']),
    [20, 14, 44, 28, 14, 12, 12, 12, 24, 12],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 法律顾问咨询论证台账, and the advisers with their answered consultations and time spent. */
export async function consultationWorkbook(rows: ConsultExportRow[], total: number, advisers: AdviserExportRow[], filterText: string, generatedAt: string): Promise<Buffer> {
  const wb = newBook(generatedAt);
  const stamp = stampOf(generatedAt);
  sheet(
    wb,
    '咨询论证台账',
    `法律顾问咨询论证台账（筛选：${filterText}${more(total, rows.length)}；生成时间：${stamp}）`,
    ['编号', '事项', '标题', '提请单位', '提请日期', '要求答复日期', '法律顾问', '指派日期', '出具意见日期', '用时（分钟）', '状态'],
    rows.map((r) => [r.no, LR_CONSULT_SUBJECT_LABELS[r.subject], r.title, r.requestingUnit, r.requestedOn, r.dueOn ?? '', r.adviserName ?? '', r.assignedOn ?? '', r.answeredOn ?? '', r.minutes ?? '', LR_CONSULT_STATUS_LABELS[r.status]]),
    [20, 10, 40, 26, 12, 14, 12, 12, 14, 12, 12],
  );
  sheet(
    wb,
    '法律顾问',
    `法律顾问（已出具意见数与累计用时；生成时间：${stamp}）`,
    ['姓名', '所在单位', '专业领域', '状态', '已出具意见数', '累计用时（分钟）'],
    advisers.map((a) => [a.name, a.firm, a.specialty ?? '', a.active ? '在聘' : '停用', a.consultations, a.minutes]),
    [12, 30, 20, 8, 14, 16],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
