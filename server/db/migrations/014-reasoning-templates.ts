/**
 * Built-in reasoning paragraphs (说理段落) seeded by migration 014: frozen data, not imported from live code.
 * Every citation was checked against the official texts: 《中华人民共和国行政复议法》(2023) Arts. 63–66, 68, 69;
 * 《中华人民共和国政府信息公开条例》(2019) Art. 33; 《中华人民共和国行政处罚法》(2021) Art. 44.
 * Placeholders: {申请人} {被申请人} {行政行为}.
 */
export const BUILTIN_REASONING_TEMPLATES = [
  {
    id: 'builtin-uphold-disclosure',
    decisionType: 'uphold',
    matterType: 'informationDisclosure',
    title: '维持：政府信息公开答复合法适当',
    article: '《中华人民共和国行政复议法》第六十八条；《中华人民共和国政府信息公开条例》第三十三条第二款',
    body:
      '本机关认为，{被申请人}收到{申请人}的政府信息公开申请后，在法定期限内作出{行政行为}，对申请人所申请公开的信息是否存在、能否公开作出了明确答复，并告知了相应理由和救济途径。' +
      '被申请人认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当。依照《中华人民共和国行政复议法》第六十八条的规定，本机关决定维持被申请人作出的{行政行为}。',
  },
  {
    id: 'builtin-confirm-illegal-disclosure-late',
    decisionType: 'confirmIllegal',
    matterType: 'informationDisclosure',
    title: '确认违法：政府信息公开逾期答复',
    article: '《中华人民共和国行政复议法》第六十五条第一款第二项；《中华人民共和国政府信息公开条例》第三十三条第二款',
    body:
      '依照《中华人民共和国政府信息公开条例》第三十三条第二款的规定，行政机关不能当场答复的，应当自收到申请之日起二十个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人。' +
      '{被申请人}未在上述期限内答复{申请人}，亦无延长答复期限的证据，程序违法；但{行政行为}的内容并无不当，上述程序违法对申请人的权利不产生实际影响。' +
      '依照《中华人民共和国行政复议法》第六十五条第一款第二项的规定，本机关决定确认{行政行为}违法。',
  },
  {
    id: 'builtin-order-performance-disclosure',
    decisionType: 'orderPerformance',
    matterType: 'informationDisclosure',
    title: '责令履行：未对政府信息公开申请作出答复',
    article: '《中华人民共和国行政复议法》第六十六条；《中华人民共和国政府信息公开条例》第三十三条第二款',
    body:
      '{申请人}向{被申请人}提出政府信息公开申请，被申请人确认已收到该申请，但至今未作出答复，不符合《中华人民共和国政府信息公开条例》第三十三条第二款关于答复期限的规定，属于不履行法定职责。' +
      '依照《中华人民共和国行政复议法》第六十六条的规定，本机关决定责令被申请人自收到本决定书之日起二十个工作日内对申请人的政府信息公开申请作出答复。',
  },
  {
    id: 'builtin-uphold-penalty',
    decisionType: 'uphold',
    matterType: 'administrativePenalty',
    title: '维持：行政处罚事实清楚、程序合法',
    article: '《中华人民共和国行政复议法》第六十八条',
    body:
      '本机关认为，{被申请人}对{申请人}的违法行为进行了立案调查，收集的现场检查笔录、询问笔录等证据能够相互印证，足以认定违法事实；作出处罚决定前依法告知了拟作出的行政处罚内容及事实、理由、依据和申请人享有的陈述、申辩、要求听证等权利。' +
      '{行政行为}认定事实清楚，证据确凿，适用依据正确，程序合法，处罚幅度适当。申请人的复议理由不能成立。依照《中华人民共和国行政复议法》第六十八条的规定，本机关决定维持{行政行为}。',
  },
  {
    id: 'builtin-revoke-penalty-procedure',
    decisionType: 'revoke',
    matterType: 'administrativePenalty',
    title: '撤销：处罚前未履行告知程序',
    article: '《中华人民共和国行政复议法》第六十四条第一款第二项；《中华人民共和国行政处罚法》第四十四条',
    body:
      '依照《中华人民共和国行政处罚法》第四十四条的规定，行政机关在作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知当事人依法享有的陈述、申辩、要求听证等权利。' +
      '{被申请人}未能提交已向{申请人}履行上述告知义务的证据，作出{行政行为}违反法定程序。依照《中华人民共和国行政复议法》第六十四条第一款第二项的规定，本机关决定撤销{行政行为}，并责令被申请人在一定期限内重新作出行政行为。',
  },
  {
    id: 'builtin-vary-penalty-amount',
    decisionType: 'vary',
    matterType: 'administrativePenalty',
    title: '变更：处罚幅度明显不当',
    article: '《中华人民共和国行政复议法》第六十三条第一款第一项、第二款',
    body:
      '本机关认为，{被申请人}作出的{行政行为}事实清楚，证据确凿，适用依据正确，程序合法，但未充分考虑{申请人}违法行为的情节、危害后果及其主动改正等情形，处罚幅度明显不当，内容不适当。' +
      '依照《中华人民共和国行政复议法》第六十三条第一款第一项的规定，本机关决定变更{行政行为}的处罚内容；依照同条第二款的规定，本变更决定不对申请人更为不利。',
  },
  {
    id: 'builtin-dismiss-failure-to-act',
    decisionType: 'dismissClaim',
    matterType: 'failureToAct',
    title: '驳回：被申请人受理前已履行法定职责',
    article: '《中华人民共和国行政复议法》第六十九条',
    body:
      '{申请人}认为{被申请人}未履行法定职责。经审查，被申请人在本机关受理本案之前已对申请人的申请（举报）作出处理并送达，已经履行了法定职责。' +
      '依照《中华人民共和国行政复议法》第六十九条的规定，本机关决定驳回申请人的行政复议请求。',
  },
  {
    id: 'builtin-order-performance-failure-to-act',
    decisionType: 'orderPerformance',
    matterType: 'failureToAct',
    title: '责令履行：对投诉举报未依法处理',
    article: '《中华人民共和国行政复议法》第六十六条',
    body:
      '{被申请人}对{申请人}提出的投诉举报事项负有法定的调查处理职责。被申请人收到申请人的投诉举报后，未在规定期限内调查处理并告知处理结果，属于不履行法定职责。' +
      '依照《中华人民共和国行政复议法》第六十六条的规定，本机关决定责令被申请人在一定期限内依法调查处理申请人的投诉举报事项，并将处理结果告知申请人。',
  },
] as const;
