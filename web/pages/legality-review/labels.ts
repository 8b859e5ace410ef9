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
