import type { LrDraftStatus } from '../../../common/contracts';
import type { Tone } from '../../components/StatusTag';

export const DRAFT_STATUS_TONE: Record<LrDraftStatus, Tone> = {
  registered: 'blue',
  incomplete: 'orange',
  underReview: 'purple',
  opinionIssued: 'blue',
  decided: 'blue',
  published: 'green',
  filed: 'green',
  expired: 'grey',
  abolished: 'grey',
  withdrawn: 'grey',
};

export const API = '/legality-review';

/**
 * A finding's basis as cited in Chinese: the title in 《》 with a notice's number after it (《…的通知》（国办发〔2018〕47号）),
 * an article as given, a numbered part of a notice as 第一部分, nothing for the whole instrument (the engine's "—").
 * The same form as the 审查意见书 (legality-review.service.ts).
 */
export function citeBasis(instrument: string, article: string): string {
  const m = /^(.+?)[（(]([^（）()]*〔\d{4}〕\d+号)[）)]$/u.exec(instrument.trim());
  const title = m ? `《${m[1]}》（${m[2]}）` : `《${instrument.trim()}》`;
  const a = article.trim();
  if (!a || /^[—–-]+$/u.test(a)) return title;
  return `${title}${/^[一二三四五六七八九十]+$/u.test(a) ? `第${a}部分` : a}`;
}

/** The corpus text of an article starts with its own number: shown after the citation, it is dropped (no “第十七条：第十七条 …”). */
export const articleBody = (text: string) => text.replace(/^\s*第[一二三四五六七八九十百千零〇两\d]+条(?:之[一二三四五六七八九十]+)?[\s\u3000]*/u, '');
