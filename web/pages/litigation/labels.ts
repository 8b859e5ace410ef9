import type { LitigationSummary } from '../../../common/contracts';
import type { Tone } from '../../components/StatusTag';

export const LITIGATION_STATUS: Record<LitigationSummary['status'], { label: string; tone: Tone }> = {
  pending: { label: '审理中', tone: 'blue' },
  appeal: { label: '二审中', tone: 'orange' },
  concluded: { label: '已审结', tone: 'grey' },
};
export const APPEAL_BY_LABELS = { plaintiff: '原告上诉', defendant: '被告上诉' } as const;
