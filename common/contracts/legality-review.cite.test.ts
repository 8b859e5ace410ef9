import { describe, expect, it } from 'vitest';
import { articleBody, citeBasis } from './legality-review';

describe('citeBasis (a finding’s basis as shown next to the finding)', () => {
  it('cites an article of a statute as 《title》article', () => {
    expect(citeBasis('中华人民共和国行政许可法', '第十七条')).toBe('《中华人民共和国行政许可法》第十七条');
  });
  it('puts a notice’s number after its title and drops the engine’s “—” for the whole notice', () => {
    expect(citeBasis('国务院办公厅关于做好证明事项清理工作的通知（国办发〔2018〕47号）', '—')).toBe('《国务院办公厅关于做好证明事项清理工作的通知》（国办发〔2018〕47号）');
  });
  it('cites a numbered part of a notice as 第X部分', () => {
    expect(citeBasis('国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知（国办发〔2018〕37号）', '一')).toBe('《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）第一部分');
  });
});

describe('articleBody', () => {
  it('drops the article’s own number from its corpus text', () => {
    expect(articleBody('第十七条 除本法第十四条、第十五条规定的外，其他规范性文件一律不得设定行政许可。')).toBe('除本法第十四条、第十五条规定的外，其他规范性文件一律不得设定行政许可。');
    expect(articleBody('第二十条之一\u3000内容')).toBe('内容');
    expect(articleBody('无编号的文本')).toBe('无编号的文本');
  });
});
