import { describe, expect, it } from 'vitest';
import { LrDraftKind, LrDraftStatus } from '../../../common/contracts';
import { PERMISSIONS } from '../../../common/permissions';
import { articlesOf, requiredMaterials } from './legality-review.service';
import { representativeness } from './registers.service';
import { ACTIONS, TERMINAL, TRANSITIONS, allowedActions, isAllowed, nextStatus } from './status';
import { checkUpload } from './upload-check';

const STATUSES = LrDraftStatus.options;
const KINDS = LrDraftKind.options;

describe('legality-review state machine', () => {
  it('every row names statuses, a catalogued legalityReview permission and a label', () => {
    for (const a of ACTIONS) {
      const row = TRANSITIONS[a];
      expect(row.from.length, a).toBeGreaterThan(0);
      for (const s of row.from) expect(STATUSES).toContain(s);
      if (row.to !== 'same') expect(STATUSES).toContain(row.to);
      expect(Object.keys(PERMISSIONS)).toContain(row.permission);
      expect(row.permission.startsWith('legalityReview.')).toBe(true);
      expect(row.label.length).toBeGreaterThan(1);
    }
  });

  it('terminal statuses allow nothing', () => {
    for (const s of TERMINAL) for (const k of KINDS) expect(allowedActions(s, k)).toEqual([]);
  });

  it.each([
    ['registered', 'accept', 'underReview'],
    ['incomplete', 'accept', 'underReview'],
    ['registered', 'returnForMaterials', 'incomplete'],
    ['underReview', 'issueOpinion', 'opinionIssued'],
    ['opinionIssued', 'recordCollective', 'decided'],
    ['decided', 'publish', 'published'],
    ['published', 'file', 'filed'],
    ['filed', 'abolish', 'abolished'],
    ['published', 'expire', 'expired'],
    ['underReview', 'analyze', 'underReview'],
  ] as const)('normative document: %s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, 'normativeDocument', action)).toBe(to);
  });

  it.each([
    ['registered', 'issueOpinion'],
    ['underReview', 'recordCollective'],
    ['opinionIssued', 'publish'],
    ['decided', 'file'],
    ['filed', 'accept'],
    ['opinionIssued', 'analyze'],
  ] as const)('normative document: %s does not allow %s', (from, action) => {
    expect(nextStatus(from, 'normativeDocument', action)).toBeNull();
  });

  it('kind-specific steps: only normative documents are filed; major contracts are not published', () => {
    expect(isAllowed('published', 'majorDecision', 'file')).toBe(false);
    expect(isAllowed('published', 'industryPolicy', 'file')).toBe(false);
    expect(isAllowed('decided', 'majorContract', 'publish')).toBe(false);
    expect(isAllowed('decided', 'majorDecision', 'publish')).toBe(true);
  });

  it('allowedActions filters by the permissions held', () => {
    const submitOnly = allowedActions('registered', 'normativeDocument', (p) => p === 'legalityReview.draft.submit');
    expect(submitOnly).toEqual(expect.arrayContaining(['addMaterial', 'setText', 'withdraw']));
    expect(submitOnly).not.toContain('accept');
  });
});

describe('materials, articles, representativeness, uploads', () => {
  it('requires the fair-competition record only where business activity is touched, and no comment record for contracts', () => {
    expect(requiredMaterials('normativeDocument', false).map((r) => r.kind)).toEqual(['draftingExplanation', 'legalBasis', 'commentRecord']);
    expect(requiredMaterials('normativeDocument', true).map((r) => r.kind)).toContain('fairCompetitionReview');
    expect(requiredMaterials('industryPolicy', false).map((r) => r.kind)).toContain('fairCompetitionReview');
    expect(requiredMaterials('majorContract', false).map((r) => r.kind)).toEqual(['draftingExplanation', 'legalBasis']);
    for (const r of requiredMaterials('majorDecision', true)) expect(r.why).toMatch(/第.+条|国办发/);
  });

  it('splits a draft into 第X条 anchors, keeps numbered items with their article, numbers other paragraphs', () => {
    const a = articlesOf('标题\n第一条 总则。\n（一）第一项；\n（二）第二项。\n第十二条 附则。\n附件说明');
    // the first line of a text with articles is its title
    expect(a.map((x) => x.anchor)).toEqual(['标题', '第一条', '第十二条', '第1段']);
    // a text without articles is numbered by paragraph from its first line
    expect(articlesOf('甲\n乙').map((x) => x.anchor)).toEqual(['第1段', '第2段']);
    expect(a[1]!.text).toContain('（二）第二项');
  });

  it('representativeness names the gaps', () => {
    expect(representativeness([]).gaps).toEqual(['尚无企业联系点']);
    const r = representativeness([
      { industry: '餐饮', size: 'large', ownership: 'state' },
      { industry: '餐饮', size: 'medium', ownership: 'state' },
      { industry: '餐饮', size: 'large', ownership: 'foreign' },
      { industry: '美容美发', size: 'large', ownership: 'state' },
    ]);
    expect(r.gaps.join('|')).toMatch(/小型或微型/);
    expect(r.gaps.join('|')).toMatch(/民营/);
    expect(r.gaps.join('|')).toMatch(/单一行业/);
    const ok = representativeness([
      { industry: '餐饮', size: 'small', ownership: 'private' },
      { industry: '美容美发', size: 'micro', ownership: 'private' },
      { industry: '老字号', size: 'medium', ownership: 'state' },
      { industry: '食品药品', size: 'large', ownership: 'association' },
    ]);
    expect(ok.gaps).toEqual([]);
    expect(ok.byOwnership).toEqual({ private: 2, state: 1, association: 1 });
  });

  it('checks uploads by size, extension and content', () => {
    const pdf = Buffer.from('%PDF-1.4\n%%EOF');
    expect(checkUpload('a.pdf', pdf, false, ['pdf'])).toMatchObject({ ok: true, mime: 'application/pdf' });
    expect(checkUpload('a.pdf', pdf, true, ['pdf'])).toEqual({ ok: false, reason: 'TOO_LARGE' });
    expect(checkUpload('a.pdf', Buffer.alloc(0), false, ['pdf'])).toEqual({ ok: false, reason: 'EMPTY' });
    expect(checkUpload('a.png', pdf, false, ['pdf', 'png'])).toEqual({ ok: false, reason: 'CONTENT_MISMATCH' });
    expect(checkUpload('a.exe', pdf, false, ['pdf'])).toEqual({ ok: false, reason: 'TYPE_NOT_ALLOWED' });
    expect(checkUpload('a.pdf', Buffer.from('%PDF-1.4 /JavaScript (x)'), false, ['pdf'])).toEqual({ ok: false, reason: 'SCRIPT' });
    expect(checkUpload('a.txt', Buffer.from('<script>alert(1)</script>'), false, ['txt'])).toEqual({ ok: false, reason: 'SCRIPT' });
    expect(checkUpload('说明.txt', Buffer.from('起草说明'), false, ['txt'])).toMatchObject({ ok: true });
  });
});
