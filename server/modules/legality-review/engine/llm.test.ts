import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../../test/harness';
import { completionsUrl } from './llm';

const KEY = 'sk-test-0123456789abcdef';
type Json = Record<string, any>;

/** A local server that speaks the OpenAI chat-completions protocol; its behaviour is switched per test. */
function startModelServer() {
  const seen: { path: string; auth: string | undefined; body: Json }[] = [];
  let mode: 'ok' | 'fail' = 'ok';
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw) as Json;
      seen.push({ path: req.url ?? '', auth: req.headers.authorization, body });
      if (mode === 'fail') {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"overloaded"}}');
        return;
      }
      const user = String(body.messages.at(-1).content);
      const content = JSON.stringify({
        checks: [
          { id: 0, verdict: 'confirm', explanation: '审批同意后方可营业，属于设定行政许可。' },
          { id: 1, verdict: 'reject', explanation: '该条已援引上位法。' },
        ],
        additions: user.includes('同时签署垃圾分类承诺')
          ? [
              { excerpt: '办理居住登记时应当同时签署垃圾分类承诺', types: ['obligation', 'bogus'], explanation: '为办理登记增设义务。', basis: [{ instrument: '中华人民共和国立法法', article: '第九十三条' }], confidence: 0.9 },
              { excerpt: '原文中没有的话', types: ['permit'], explanation: 'x' },
              // already found by the rules: not added twice
              { excerpt: '一律优先录用本区户籍人员', types: ['competition'], explanation: 'x' },
            ]
          : [],
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'c1', object: 'chat.completion', model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: `\`\`\`json\n${content}\n\`\`\`` }, finish_reason: 'stop' }] }));
    });
  });
  return {
    seen,
    setMode: (m: 'ok' | 'fail') => (mode = m),
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('completionsUrl', () => {
  it('accepts a base URL, a /v1 URL or the full endpoint', () => {
    expect(completionsUrl('http://10.0.0.5:8000')).toBe('http://10.0.0.5:8000/v1/chat/completions');
    expect(completionsUrl('http://10.0.0.5:8000/v1/')).toBe('http://10.0.0.5:8000/v1/chat/completions');
    expect(completionsUrl('https://llm.local/v1/chat/completions')).toBe('https://llm.local/v1/chat/completions');
  });
});

for (const dialect of DIALECTS) {
  describe(`language-model re-check over HTTP [${dialect}]`, () => {
    const model = startModelServer();
    let t: TestApp;
    let handler: Session;
    beforeAll(async () => {
      const url = await model.listen();
      t = await createTestApp(dialect, { env: { FAZHI_LLM_URL: url, FAZHI_LLM_MODEL: 'qwen2.5-72b-instruct', FAZHI_LLM_KEY: KEY } });
      handler = await t.login('fy.handler1');
    });
    afterAll(async () => {
      await t?.close();
      await model.close();
    });
    const text = '第二条 开办网吧须经区文化和旅游局审批同意后方可营业。\n第三条 违反本办法的，由区文化和旅游局处五千元罚款。\n第四条 区属国有企业招聘时一律优先录用本区户籍人员。\n第五条 本区居民办理居住登记时应当同时签署垃圾分类承诺。';
    const analyze = () => t.app.inject({ method: 'POST', url: '/api/v1/legality-review/analyze', headers: handler.headers, payload: { text, docKind: 'normative_document' } });

    it('sends the findings to the model, applies its verdicts and anchored suggestions, and logs prompt and answer without the key', async () => {
      model.setMode('ok');
      const res = await analyze();
      expect(res.statusCode, res.body).toBe(200);
      const call = model.seen.at(-1)!;
      expect(call.path).toBe('/v1/chat/completions');
      expect(call.auth).toBe(`Bearer ${KEY}`);
      expect(call.body.model).toBe('qwen2.5-72b-instruct');
      expect(call.body.messages[0].role).toBe('system');
      expect(call.body.messages[1].content).toContain('审批同意后方可营业');
      const { findings } = res.json() as { findings: Json[] };
      const permit = findings.find((f) => f.ruleId === 'permit.approval-gate')!;
      expect(permit.explanation).toContain('【模型复核：审批同意后方可营业');
      const fine = findings.find((f) => f.ruleId === 'penalty.fine')!;
      expect(fine.confidence).toBeLessThan(0.5);
      expect(fine.explanation).toContain('可能不构成问题');
      const added = findings.filter((f) => f.source === 'llm');
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ excerpt: '办理居住登记时应当同时签署垃圾分类承诺', types: ['obligation'], ruleId: 'llm.suggestion' });
      expect(text.slice(added[0]!.start, added[0]!.end)).toBe(added[0]!.excerpt);
      expect(added[0]!.confidence).toBeLessThanOrEqual(0.6);
      const logs = await t.handle.db.selectFrom('legalityLlmCalls').selectAll().execute();
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatchObject({ status: 'ok', model: 'qwen2.5-72b-instruct', purpose: 'legality-review.recheck' });
      expect(logs[0]!.prompt).toContain('开办网吧');
      expect(logs[0]!.response).toContain('chat.completion');
      expect(JSON.stringify(logs)).not.toContain(KEY);
    });

    it('works without the model when it fails: the rule findings stand, the failure is logged', async () => {
      model.setMode('fail');
      const res = await analyze();
      expect(res.statusCode, res.body).toBe(200);
      const { findings } = res.json() as { findings: Json[] };
      expect(findings.map((f) => f.ruleId).sort()).toEqual(['competition.local-preference', 'penalty.fine', 'permit.approval-gate'].sort());
      expect(findings.every((f) => f.source === 'rule')).toBe(true);
      const err = await t.handle.db.selectFrom('legalityLlmCalls').selectAll().where('status', '=', 'error').execute();
      expect(err).toHaveLength(1);
      expect(err[0]!.error).toBe('HTTP 500');
    });
  });
}
