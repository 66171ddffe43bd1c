// Texts of the 告知书 panel and the posting page, under the `disclosure-notices.` prefix (apart from
// the case panel's texts, which another file owns).
export const NOTICE_PREFIX = 'disclosure-notices';

const messages = {
  en: {
    'panel': 'Notices',
    'none': 'No notice issued yet.',
    'issue': 'Issue: {kind}',
    'issued': 'Issued {number}',
    'print': 'Print view',
    'docx': '.docx',
    'byPost': 'by post',
    'posted': 'posted {date}',
    'kind.receipt': 'Acknowledgement of receipt',
    'kind.correction': 'Correction notice',
    'kind.extension': 'Extension notice',
    'kind.consultation': 'Consultation letter',
    'kind.feeNotice': 'Fee notice',
    'kind.reply': 'Reply',
    'menu.toPost': 'Notices to post',
    'toPost.title': 'Notices to post (待邮寄告知书)',
    'toPost.subtitle': '{count, plural, one {# notice} other {# notices}} issued on paper and not posted yet',
    'toPost.empty': 'Nothing to post.',
    'toPost.date': 'Posted on',
    'toPost.record': 'Record posted',
    'col.number': 'Number',
    'col.kind': 'Notice',
    'col.issuedAt': 'Issued',
    'col.addressee': 'To',
    'col.address': 'Address',
    'col.queryCode': 'Query code',
  },
  'zh-Hans': {
    'panel': '告知书',
    'none': '尚未出具告知书。',
    'issue': '出具{kind}',
    'issued': '已出具 {number}',
    'print': '打印',
    'docx': '下载 .docx',
    'byPost': '需邮寄',
    'posted': '{date} 已邮寄',
    'kind.receipt': '受理回执',
    'kind.correction': '补正告知书',
    'kind.extension': '延期答复告知书',
    'kind.consultation': '征求意见书（函）',
    'kind.feeNotice': '收费通知书',
    'kind.reply': '答复书',
    'menu.toPost': '待邮寄告知书',
    'toPost.title': '待邮寄告知书',
    'toPost.subtitle': '纸质送达、尚未邮寄的告知书 {count} 份',
    'toPost.empty': '没有待邮寄的告知书。',
    'toPost.date': '邮寄日期',
    'toPost.record': '登记已邮寄',
    'col.number': '文号',
    'col.kind': '告知书',
    'col.issuedAt': '出具日期',
    'col.addressee': '收件人',
    'col.address': '地址',
    'col.queryCode': '查询码',
  },
};

const prefixed = (texts: Record<string, string>) => Object.fromEntries(Object.entries(texts).map(([key, value]) => [`${NOTICE_PREFIX}.${key}`, value]));

export const noticeTranslations: { en: Record<string, string>; 'zh-Hans': Record<string, string> } = {
  en: prefixed(messages.en),
  'zh-Hans': prefixed(messages['zh-Hans']),
};
