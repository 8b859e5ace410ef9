/** 法律援助 state machine as a table: which action is allowed in which status. */
import type { AidStatus } from '../../../common/contracts/legal-services';

export type AidAction = 'grant' | 'refuse' | 'withdraw' | 'assign' | 'provisionalAssign' | 'close' | 'terminate' | 'objection' | 'decideObjection' | 'requestMaterials' | 'receiveMaterials';

export const AID_ACTIONS: Record<AidAction, { from: readonly AidStatus[]; label: string }> = {
  grant: { from: ['received'], label: '决定给予法律援助（第四十三条）' },
  refuse: { from: ['received'], label: '决定不予法律援助，书面说明理由（第四十三条）' },
  withdraw: { from: ['received'], label: '申请人撤回 / 视为撤回（第四十三条第二款）' },
  /** Art. 43 ¶2: one-time notice of the missing materials (the decision clock paused), then their receipt */
  requestMaterials: { from: ['received'], label: '一次性告知补充材料（第四十三条第二款）' },
  receiveMaterials: { from: ['received'], label: '收到补充材料（第四十三条第二款）' },
  /** Art. 44: aid before the decision, only for an urgent application */
  provisionalAssign: { from: ['received'], label: '先行提供法律援助（第四十四条）' },
  assign: { from: ['granted'], label: '指派法律援助人员（第四十三条）' },
  close: { from: ['assigned'], label: '结案归档、质量评定（第五十条）' },
  terminate: { from: ['assigned'], label: '终止法律援助（第四十八条）' },
  objection: { from: ['refused', 'terminated'], label: '登记异议（第四十九条）' },
  decideObjection: { from: ['refused', 'terminated'], label: '司法行政部门审查异议（第四十九条）' },
};

export function aidAllowed(action: AidAction, status: string): boolean {
  return (AID_ACTIONS[action].from as readonly string[]).includes(status);
}
