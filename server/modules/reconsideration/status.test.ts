import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReconStatus } from '../../../common/contracts';
import { ACTIONS, type MachineState, type ReconAction, RESUMABLE, TERMINAL, TRANSITIONS, allowedActions, transition } from './status';

const S = (status: ReconStatus, resumeTo: MachineState['resumeTo'] = null): MachineState => ({ status, resumeTo });

describe('reconsideration state table', () => {
  // Every allowed transition, spelled out: a change to the table must change this list.
  const allowed: [ReconAction, MachineState, ReconStatus][] = [
    ['requestCorrection', S('registered'), 'correctionRequested'],
    ['submitCorrection', S('correctionRequested'), 'registered'],
    ['extendCorrection', S('correctionRequested'), 'correctionRequested'],
    ['abandon', S('correctionRequested'), 'abandoned'],
    ['accept', S('registered'), 'accepted'],
    ['rejectApplication', S('registered'), 'rejected'],
    ['sendCopy', S('accepted'), 'underReview'],
    ['recordReply', S('underReview'), 'underReview'],
    ['recordReply', S('mediation'), 'mediation'],
    ['recordReply', S('suspended', 'underReview'), 'suspended'],
    ['startMediation', S('underReview'), 'mediation'],
    ['endMediation', S('mediation'), 'underReview'],
    ['concludeMediation', S('mediation'), 'mediated'],
    ['suspend', S('accepted'), 'suspended'],
    ['suspend', S('underReview'), 'suspended'],
    ['suspend', S('mediation'), 'suspended'],
    ['resume', S('suspended', 'accepted'), 'accepted'],
    ['resume', S('suspended', 'underReview'), 'underReview'],
    ['resume', S('suspended', 'mediation'), 'mediation'],
    ['extend', S('accepted'), 'accepted'],
    ['extend', S('underReview'), 'underReview'],
    ['extend', S('mediation'), 'mediation'],
    ['extend', S('suspended', 'underReview'), 'suspended'],
    ['switchProcedure', S('accepted'), 'accepted'],
    ['switchProcedure', S('underReview'), 'underReview'],
    ['switchProcedure', S('mediation'), 'mediation'],
    ['switchProcedure', S('suspended', 'accepted'), 'suspended'],
    ['decide', S('underReview'), 'decided'],
    ['decide', S('mediation'), 'decided'],
    ['terminate', S('accepted'), 'terminated'],
    ['terminate', S('underReview'), 'terminated'],
    ['terminate', S('mediation'), 'terminated'],
    ['terminate', S('suspended', 'underReview'), 'terminated'],
    ['withdraw', S('accepted'), 'terminated'],
    ['withdraw', S('underReview'), 'terminated'],
    ['withdraw', S('mediation'), 'terminated'],
    ['withdraw', S('suspended', 'mediation'), 'terminated'],
    ['hearViews', S('accepted'), 'accepted'],
    ['hearViews', S('underReview'), 'underReview'],
    ['hearViews', S('mediation'), 'mediation'],
    ['scheduleHearing', S('accepted'), 'accepted'],
    ['scheduleHearing', S('underReview'), 'underReview'],
    ['scheduleHearing', S('mediation'), 'mediation'],
    ['recordHearing', S('underReview'), 'underReview'],
    ['recordHearing', S('mediation'), 'mediation'],
    ['consultCommittee', S('underReview'), 'underReview'],
    ['consultCommittee', S('mediation'), 'mediation'],
    ['recordCommitteeOpinion', S('underReview'), 'underReview'],
    ['recordCommitteeOpinion', S('mediation'), 'mediation'],
    ['recordCommitteeOpinion', S('suspended', 'underReview'), 'suspended'],
    ['startNormReview', S('accepted'), 'suspended'],
    ['startNormReview', S('underReview'), 'suspended'],
    ['startNormReview', S('mediation'), 'suspended'],
    ['notifyDraftingOrgan', S('suspended', 'underReview'), 'suspended'],
    ['recordDraftingReply', S('suspended', 'underReview'), 'suspended'],
    ['forwardNorm', S('suspended', 'underReview'), 'suspended'],
    ['concludeNormReview', S('suspended', 'underReview'), 'underReview'],
    ['assign', S('registered'), 'registered'],
    ['assign', S('correctionRequested'), 'correctionRequested'],
    ['assign', S('accepted'), 'accepted'],
    ['assign', S('underReview'), 'underReview'],
    ['assign', S('mediation'), 'mediation'],
    ['assign', S('suspended', 'accepted'), 'suspended'],
  ];
  it.each(allowed)('%s from %o → %s', (action, from, to) => {
    expect(transition(from, action)?.status).toBe(to);
  });

  it('lists exactly these allowed (status, action) pairs', () => {
    const table = ACTIONS.flatMap((a) => TRANSITIONS[a].from.map((s) => `${a}@${s}`)).sort();
    const listed = [...new Set(allowed.map(([a, s]) => `${a}@${s.status}`))].sort();
    expect(table).toEqual(listed);
  });

  const forbidden: [ReconAction, MachineState][] = [
    ['decide', S('registered')],
    ['decide', S('accepted')], // the copy has not even been sent (Art. 48)
    ['decide', S('suspended', 'underReview')],
    ['accept', S('correctionRequested')], // the review restarts only when materials arrive (Art. 31 ¶3)
    ['accept', S('accepted')],
    ['rejectApplication', S('accepted')],
    ['requestCorrection', S('accepted')],
    ['sendCopy', S('registered')],
    ['resume', S('underReview')],
    ['suspend', S('registered')],
    ['suspend', S('suspended', 'accepted')],
    ['extend', S('registered')],
    ['terminate', S('registered')],
    ['concludeMediation', S('underReview')],
    ['assign', S('decided')],
    ['withdraw', S('registered')], // Art. 41: termination happens during the reconsideration, i.e. after acceptance
    ['withdraw', S('decided')], // Art. 74: only before the decision
    ['recordHearing', S('accepted')],
    ['startNormReview', S('suspended', 'underReview')], // one suspension at a time
    ['startNormReview', S('registered')],
    ['concludeNormReview', S('underReview')],
    ['hearViews', S('decided')],
  ];
  it.each(forbidden)('%s from %o is forbidden', (action, from) => {
    expect(transition(from, action)).toBeNull();
  });

  it('startNormReview remembers where review continues; concludeNormReview returns there (Art. 39 ¶2)', () => {
    const s = transition(S('mediation'), 'startNormReview');
    expect(s).toEqual({ status: 'suspended', resumeTo: 'mediation' });
    expect(transition(s!, 'concludeNormReview')).toEqual({ status: 'mediation', resumeTo: null });
  });

  it('terminal statuses allow no action at all', () => {
    for (const s of TERMINAL) expect(allowedActions(s), s).toEqual([]);
  });

  it('property: random action sequences never reach an invalid state', () => {
    const statuses = new Set<string>(ReconStatus.options);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 60 }), (actions) => {
        let st: MachineState = S('registered');
        const seen: string[] = [st.status];
        for (const a of actions) {
          const next = transition(st, a);
          if (!next) continue;
          expect(TERMINAL.includes(st.status)).toBe(false);
          st = next;
          seen.push(st.status);
          expect(statuses.has(st.status)).toBe(true);
          // resumeTo is set exactly while suspended, and always names a status review can continue in
          if (st.status === 'suspended') expect(st.resumeTo && RESUMABLE.includes(st.resumeTo)).toBeTruthy();
          else expect(st.resumeTo).toBeNull();
        }
        // a decision or mediated conclusion is only reachable through acceptance and the copy to the respondent
        const end = seen.indexOf('decided') >= 0 ? seen.indexOf('decided') : seen.indexOf('mediated');
        if (end >= 0) {
          const acc = seen.indexOf('accepted');
          const rev = seen.indexOf('underReview');
          expect(acc).toBeGreaterThanOrEqual(0);
          expect(rev).toBeGreaterThan(acc);
          expect(end).toBeGreaterThan(rev);
        }
        // nothing follows a terminal status
        const firstTerminal = seen.findIndex((s) => TERMINAL.includes(s as never));
        if (firstTerminal >= 0) expect(firstTerminal).toBe(seen.length - 1);
      }),
      { numRuns: 2000 },
    );
  });
});
