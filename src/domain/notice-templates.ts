// The default wording of each notice (mustache; the variables are those of noticeVariables() in
// notices.ts plus organisation, number and date). Created once at bootstrap when a kind has no
// template; the office edits its own afterwards (Content Manager), and those edits are kept.
import type { NoticeKind } from './notices';

const LAW = '《中华人民共和国政府信息公开条例》';
const NUMBER = '{{org}}依申〔{{year}}〕{{seq}}号';
const TO_APPLICANT = '{{applicantName}}：';
const RECEIVED = '本机关于{{receivedAt}}收到您提出的政府信息公开申请（查询码：{{queryCode}}），申请内容为“{{description}}”。';

/** One section per reply type, each naming its article (REPLY_TYPE_ARTICLES) and the reply's fields. */
const REPLY_SECTIONS = [
  '{{#reply.alreadyPublic}}经审查，您申请获取的政府信息已经主动公开。根据' + LAW + '{{reply.article}}的规定，现告知您获取该政府信息的方式和途径：{{reply.accessRoute}}。{{/reply.alreadyPublic}}',
  '{{#reply.provided}}经审查，您申请获取的政府信息属于公开范围。根据' + LAW + '{{reply.article}}的规定，本机关向您提供该政府信息。{{#reply.accessRoute}}获取方式：{{reply.accessRoute}}。{{/reply.accessRoute}}{{/reply.provided}}',
  '{{#reply.withheld}}经审查，您申请获取的政府信息{{reply.exemptionText}}。根据' + LAW + '{{#reply.exemptionArticle}}{{reply.exemptionArticle}}、{{/reply.exemptionArticle}}{{reply.article}}的规定，本机关决定不予公开。{{/reply.withheld}}',
  '{{#reply.notHeld}}经检索，本机关没有制作或者获取您申请的政府信息。根据' + LAW + '{{reply.article}}的规定，现告知您该政府信息不存在。{{/reply.notHeld}}',
  '{{#reply.notOurs}}经审查，您申请获取的政府信息不属于本机关负责公开。根据' + LAW + '{{reply.article}}的规定，现告知您：该政府信息由{{reply.competentAgency}}负责公开，联系方式：{{reply.competentAgencyContact}}。{{/reply.notOurs}}',
  '{{#reply.repeat}}经审查，您提出的申请与本机关已经答复的申请（{{reply.earlierReply}}）内容相同，属于重复申请。根据' + LAW + '{{reply.article}}的规定，本机关不予重复处理。{{/reply.repeat}}',
  '{{#reply.specialLaw}}经审查，您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。根据' + LAW + '{{reply.article}}的规定，请您依照有关法律、行政法规的规定办理。{{#reply.accessRoute}}办理途径：{{reply.accessRoute}}。{{/reply.accessRoute}}{{/reply.specialLaw}}',
  '{{#reply.partial}}经审查，您申请公开的政府信息中含有不应当公开的内容，但能够作区分处理。根据' + LAW + '{{reply.article}}的规定，本机关向您提供可以公开的政府信息内容{{#reply.exemptionText}}；其余内容{{reply.exemptionText}}，不予公开{{/reply.exemptionText}}。{{/reply.partial}}',
  '{{#reply.needsCreation}}经审查，您申请获取的政府信息需要本机关对现有政府信息进行加工、分析后才能形成。根据' + LAW + '{{reply.article}}的规定，本机关不予提供。{{/reply.needsCreation}}',
  '{{#reply.complaint}}经审查，您是以政府信息公开申请的形式进行信访、投诉、举报等活动。根据' + LAW + '{{reply.article}}的规定，本机关不作为政府信息公开申请处理，请您依照有关法律、行政法规的规定向有关机关提出。{{/reply.complaint}}',
  '{{#reply.publication}}经审查，您申请获取的信息属于公开出版物。根据' + LAW + '{{reply.article}}的规定，现告知您获取的途径：{{reply.accessRoute}}。{{/reply.publication}}',
  '{{#reply.unclear}}本机关已告知您补正申请，您补正后的申请内容仍不明确，本机关无法确定您所需要的政府信息。根据' + LAW + '{{reply.article}}的规定，本机关无法提供。{{/reply.unclear}}',
  '{{#reply.confirmation}}经审查，您的申请系要求本机关确认或者重新出具您已经获取的信息，不属于' + LAW + '规定的政府信息公开申请，本机关不予处理。{{/reply.confirmation}}',
  '{{#reply.other}}{{reply.body}}{{/reply.other}}',
].join('\n');

export const DEFAULT_NOTICE_TEMPLATES: Record<NoticeKind, { title: string; body: string }> = {
  receipt: {
    title: '政府信息公开申请受理回执',
    body: [
      TO_APPLICANT,
      RECEIVED,
      '根据' + LAW + '第三十一条的规定，本机关收到申请的时间为{{receivedAt}}{{#channel}}（申请方式：{{channel}}）{{/channel}}。',
      '根据' + LAW + '第三十三条的规定，本机关将自收到申请之日起20个工作日内予以答复{{#dueAt}}（即{{dueAt}}前）{{/dueAt}}；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知您，延长的期限最长不超过20个工作日。征求第三方和其他机关意见所需时间不计算在前述期限内。',
      '您可以凭查询码查询申请的办理情况。',
      '特此回执。',
    ].join('\n'),
  },
  correction: {
    title: '政府信息公开申请补正告知书',
    body: [
      TO_APPLICANT,
      RECEIVED,
      '经审查，您的申请内容不明确。根据' + LAW + '第三十条的规定，请您对申请作出补正，需要补正的事项：{{correction.items}}。',
      '请于{{correction.deadline}}前补正。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      '特此告知。',
    ].join('\n'),
  },
  extension: {
    title: '政府信息公开申请延期答复告知书',
    body: [
      TO_APPLICANT,
      RECEIVED,
      '因{{extension.reason}}，本机关不能在规定的期限内作出答复。根据' + LAW + '第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{extension.days}}个工作日{{#dueAt}}，延长后的答复期限至{{dueAt}}{{/dueAt}}。',
      '特此告知。',
    ].join('\n'),
  },
  consultation: {
    title: '{{#consultation.otherAgency}}政府信息公开征求意见函{{/consultation.otherAgency}}{{^consultation.otherAgency}}政府信息公开征求第三方意见书{{/consultation.otherAgency}}',
    body: [
      '{{consultation.party}}：',
      // The applicant is not named in a letter to a third party or another agency.
      '本机关于{{receivedAt}}收到一份政府信息公开申请，申请获取的政府信息为“{{description}}”。',
      '{{#consultation.thirdParty}}经审查，公开该政府信息可能损害您（单位）的合法权益。根据' + LAW + '第三十二条的规定，现书面征求您的意见。请您自收到本意见书之日起15个工作日内{{#consultation.answerBy}}（即{{consultation.answerBy}}前）{{/consultation.answerBy}}提出意见并说明理由；逾期未提出意见的，由本机关依照' + LAW + '的规定决定是否公开。您不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知您。{{/consultation.thirdParty}}',
      '{{#consultation.otherAgency}}经审查，该政府信息由本机关与贵机关共同制作。根据' + LAW + '第三十四条的规定，现征求贵机关意见。请贵机关自收到本函之日起15个工作日内{{#consultation.answerBy}}（即{{consultation.answerBy}}前）{{/consultation.answerBy}}提出意见；逾期未提出意见的，视为同意公开。{{/consultation.otherAgency}}',
      '特此函告。',
    ].join('\n'),
  },
  feeNotice: {
    title: '政府信息公开信息处理费收费通知书',
    body: [
      TO_APPLICANT,
      RECEIVED,
      '根据' + LAW + '第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，{{#fee.reason}}因{{fee.reason}}，{{/fee.reason}}本机关对您的申请收取信息处理费。',
      '{{#fee.perCase}}收费标准（按件计收）：申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件的部分，100元/件；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件。本申请为您本月的第{{fee.nth}}件。{{/fee.perCase}}',
      '{{#fee.perPage}}收费标准（按量计收）：同一申请获取信息30页以下（含30页）的，不收费；31—100页的部分，10元/页；101—200页的部分，20元/页；201页以上的部分，40元/页。本申请所需信息共{{fee.pages}}页。{{/fee.perPage}}',
      '应收金额{{fee.quoted}}元{{#fee.reduction}}，减免{{fee.reduction}}元{{/fee.reduction}}，应缴金额人民币{{fee.amount}}元。',
      '请您自收到本通知书次日起20个工作日内{{#fee.payBy}}（即{{fee.payBy}}前）{{/fee.payBy}}按下列联系方式缴纳；逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。本机关发出收费通知的时间和您缴纳费用的时间不计算在答复期限内。',
      '特此通知。',
    ].join('\n'),
  },
  reply: {
    title: '政府信息公开申请答复书',
    body: [
      TO_APPLICANT,
      RECEIVED,
      '现答复如下：',
      REPLY_SECTIONS,
      '如对本答复不服，您可以自收到本答复之日起六十日内依法申请行政复议，或者自收到本答复之日起六个月内依法提起行政诉讼。',
    ].join('\n'),
  },
};

export const DEFAULT_NOTICE_SETTINGS = {
  numberPattern: NUMBER,
  organisation: '（机关名称）',
  seal: '（印章）',
  contacts: '联系人：\n联系电话：\n通信地址：',
};
