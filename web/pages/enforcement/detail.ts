/**
 * The rule-specific figures of a detection flag (`DetectionFlag.detail`, keys as the engine names them) in Chinese:
 * label, value with its unit, one phrase per figure. Keys not listed here are shown as they are, so a figure a later
 * rule adds is never hidden.
 */
import { DISCRETION_LEVELS, INSPECTION_KINDS } from '../../../common/contracts/enforcement';

const count = (unit: string) => (v: unknown) => `${Number(v).toLocaleString('zh-CN')} ${unit}`;
const percent = (v: unknown) => `${(Number(v) * 100).toFixed(1)}%`;
const yuan = (v: unknown) => `${Number(v).toLocaleString('zh-CN')} 元`;
const day = (none: string) => (v: unknown) => (typeof v === 'string' && v ? v : none);
const lookup = (table: Record<string, string>) => (v: unknown) => table[String(v)] ?? String(v);

/** key → [label, format]; `null` format: the figure is implied by another one and not shown. */
const FIGURES: Record<string, [string, ((v: unknown) => string) | null]> = {
  year: ['年度', (v) => `${String(v)} 年`],
  visits: ['检查次数', count('次')],
  windowDays: ['窗口天数', count('日')],
  cap: ['年度检查上限', (v) => (v === null || v === undefined ? '未设定' : count('次')(v))],
  agencies: ['执法主体数', count('个')],
  kind: ['检查类型', lookup(INSPECTION_KINDS)],
  inspections: ['检查次数', count('次')],
  foundProblem: ['发现问题', count('次')],
  rate: ['问题发现率', percent],
  fieldMedian: ['同领域执法人员问题发现率中位数', percent],
  threshold: ['判定阈值', percent],
  registered: ['执法人员登记', (v) => (v ? '已登记' : '未登记')],
  validFrom: ['执法证有效期起', day('无')],
  validTo: ['执法证有效期止', day('无')],
  filedOn: ['立案日期', day('—')],
  dueOn: ['决定期限', day('—')],
  decidedOn: ['决定日期', day('尚未决定')],
  daysOver: ['超过期限', count('日')],
  undecided: ['', null],
  citation: ['依据', (v) => String(v)],
  extensionDays: ['批准延长', (v) => (Number(v) > 0 ? count('日')(v) : '无')],
  violationCode: ['违法行为代码', (v) => String(v)],
  discretionLevel: ['裁量阶次', lookup(DISCRETION_LEVELS)],
  amount: ['罚款金额', yuan],
  benchmark: ['同类案件罚款中位数', yuan],
  ratio: ['为中位数的', (v) => `${Number(v).toFixed(2)} 倍`],
  groupSize: ['同类案件数', count('件')],
};

export function describeDetail(detail: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(detail)) {
    const figure = FIGURES[key];
    if (!figure) {
      out.push(`${key}：${typeof value === 'string' ? value : JSON.stringify(value)}`);
      continue;
    }
    const [label, format] = figure;
    if (format) out.push(`${label}：${format(value)}`);
  }
  return out;
}
