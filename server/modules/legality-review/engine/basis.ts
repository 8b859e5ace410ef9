/**
 * The superior provisions the rule base cites. Article numbers were checked against the law corpus
 * (../shared/law, LawRefBook snapshot 2025-04-19) and ../shared/docs/law-rules.md §2–5. Instruments that are not
 * statutes in the corpus (国办发〔2018〕37号, 〔2018〕47号, local validity-period rules) carry a summary instead of an
 * article text, and what law-rules.md marks UNVERIFIED is said so in `note`.
 */
export interface BasisRef {
  instrument: string;
  article: string;
  /** summary for instruments outside the statute corpus, or an UNVERIFIED marker */
  note?: string;
}

const b = (instrument: string, article: string, note?: string): BasisRef => (note ? { instrument, article, note } : { instrument, article });

export const LAW = {
  permit17: b('中华人民共和国行政许可法', '第十七条'),
  permit14: b('中华人民共和国行政许可法', '第十四条'),
  permit15: b('中华人民共和国行政许可法', '第十五条'),
  permit16: b('中华人民共和国行政许可法', '第十六条'),
  bizEnv39: b('优化营商环境条例', '第三十九条'),
  bizEnv62: b('优化营商环境条例', '第六十二条'),
  bizEnv64: b('优化营商环境条例', '第六十四条'),
  penalty9: b('中华人民共和国行政处罚法', '第九条'),
  penalty14: b('中华人民共和国行政处罚法', '第十四条'),
  penalty16: b('中华人民共和国行政处罚法', '第十六条'),
  coercion9: b('中华人民共和国行政强制法', '第九条'),
  coercion10: b('中华人民共和国行政强制法', '第十条'),
  coercion13: b('中华人民共和国行政强制法', '第十三条'),
  coercion29: b('中华人民共和国行政强制法', '第二十九条'),
  coercion45: b('中华人民共和国行政强制法', '第四十五条'),
  legislation91: b('中华人民共和国立法法', '第九十一条'),
  legislation93: b('中华人民共和国立法法', '第九十三条'),
  legislation48: b('中华人民共和国立法法', '第四十八条'),
  civilServant61: b('中华人民共和国公务员法', '第六十一条'),
  sanctions3: b('中华人民共和国公职人员政务处分法', '第三条'),
  price23: b('中华人民共和国价格法', '第二十三条'),
  fair8: b('公平竞争审查条例', '第八条'),
  fair9: b('公平竞争审查条例', '第九条'),
  fair10: b('公平竞争审查条例', '第十条'),
  fair11: b('公平竞争审查条例', '第十一条'),
  decision15: b('重大行政决策程序暂行条例', '第十五条'),
  decision16: b('重大行政决策程序暂行条例', '第十六条'),
  decision19: b('重大行政决策程序暂行条例', '第十九条'),
  decision22: b('重大行政决策程序暂行条例', '第二十二条'),
  decision20: b('重大行政决策程序暂行条例', '第二十条'),
  decision29: b('重大行政决策程序暂行条例', '第二十九条'),
  decision25: b('重大行政决策程序暂行条例', '第二十五条'),
  decision26: b('重大行政决策程序暂行条例', '第二十六条'),
  decision30: b('重大行政决策程序暂行条例', '第三十条'),
  legislation11: b('中华人民共和国立法法', '第十一条'),
  penalty10: b('中华人民共和国行政处罚法', '第十条'),
  penalty18: b('中华人民共和国行政处罚法', '第十八条'),
  coercion17: b('中华人民共和国行政强制法', '第十七条'),
  coercion46: b('中华人民共和国行政强制法', '第四十六条'),
  privacy28: b('中华人民共和国个人信息保护法', '第二十八条'),
  land46: b('中华人民共和国土地管理法', '第四十六条'),
  constitution39: b('中华人民共和国宪法', '第三十九条'),
  labour48: b('中华人民共和国劳动法', '第四十八条'),
  quality15: b('中华人民共和国产品质量法', '第十五条'),
  villagers27: b('中华人民共和国村民委员会组织法', '第二十七条'),
  decision18: b('重大行政决策程序暂行条例', '第十八条'),
  decision28: b('重大行政决策程序暂行条例', '第二十八条'),
  orgLaw75: b('中华人民共和国地方各级人民代表大会和地方各级人民政府组织法', '第七十五条'),
  gb37: b('国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知（国办发〔2018〕37号）', '一', '严禁越权发文：不得违法设定行政许可、行政处罚、行政强制等事项，不得违法减损公民、法人和其他组织合法权益或者增加其义务；不得要求提供循环证明、重复证明、无谓证明（该文件措辞部分未核实）'),
  gb47: b('国务院办公厅关于做好证明事项清理工作的通知（国办发〔2018〕47号）', '—', '凡没有法律法规依据的证明事项一律取消；能够通过数据共享、个人承诺、部门核查等方式办理的，不得要求群众提供证明（措辞未核实）'),
  gb115: b('国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见（国办发〔2018〕115号）', '—', '合法性审核时间一般不少于5个工作日，最长不超过15个工作日（未核实，可配置）'),
  validity: b('行政规范性文件有效期制度（地方规定）', '—', '行政规范性文件应当载明有效期，一般不超过5年；名称冠以“暂行”“试行”的，一般不超过2年（未核实，期限可配置）'),
} as const;
