// Labels of the audit events the 依申请公开 case handling writes (request.<action>), shown on the
// workflow plugin's audit page and CSV export (plugin setting `eventLabels`).
import type { CodeLabel } from './code-labels';

export const REQUEST_EVENT_LABELS: Record<string, CodeLabel> = {
  'request.assign': { zh: '依申请公开：分办', en: 'Request: assigned' },
  'request.requestCorrection': { zh: '依申请公开：补正告知', en: 'Request: correction requested' },
  'request.receiveCorrection': { zh: '依申请公开：收到补正', en: 'Request: correction received' },
  'request.lapseCorrection': { zh: '依申请公开：逾期未补正', en: 'Request: correction lapsed' },
  'request.startConsultation': { zh: '依申请公开：开始征求意见', en: 'Request: consultation started' },
  // Kept for trails written before recordConsultationAnswer replaced it.
  'request.endConsultation': { zh: '依申请公开：征求意见结束', en: 'Request: consultation ended' },
  'request.recordConsultationAnswer': { zh: '依申请公开：登记征求意见答复', en: 'Request: consultation answer recorded' },
  'request.confirmReceipt': { zh: '依申请公开：确认收到', en: 'Request: receipt confirmed' },
  'request.answerOnTheSpot': { zh: '依申请公开：当场答复', en: 'Request: answered on the spot' },
  'request.feeNotice': { zh: '依申请公开：发出收费通知', en: 'Request: fee notice issued' },
  'request.recordPayment': { zh: '依申请公开：登记缴费', en: 'Request: fee paid' },
  'request.lapseFee': { zh: '依申请公开：逾期未缴费', en: 'Request: fee not paid in time' },
  'request.askReasons': { zh: '依申请公开：要求说明理由', en: 'Request: reasons asked (§35)' },
  'request.declineExcessive': { zh: '依申请公开：不予处理（大量反复申请）', en: 'Request: declined as excessive (§35)' },
  'request.setReasonableDate': { zh: '依申请公开：确定合理答复期限', en: 'Request: reasonable reply date set (§35)' },
  'request.extend': { zh: '依申请公开：延期答复', en: 'Request: extended' },
  'request.draftReply': { zh: '依申请公开：起草答复', en: 'Request: reply drafted' },
  'request.reply': { zh: '依申请公开：答复', en: 'Request: replied' },
  'request.close': { zh: '依申请公开：办结', en: 'Request: closed' },
  'request.acceptLateCorrection': { zh: '依申请公开：受理逾期补正（有正当理由）', en: 'Request: late correction accepted (good reason)' },
  'request.withdraw': { zh: '依申请公开：申请人撤回', en: 'Request: withdrawn by the applicant' },
  'request.publishAsItem': { zh: '依申请公开：转为主动公开', en: 'Request: made a proactive item' },
  'request.noticeIssued': { zh: '依申请公开：出具告知书', en: 'Request: notice issued' },
  'request.noticePosted': { zh: '依申请公开：告知书已邮寄', en: 'Request: notice posted' },
  'request.personal-data.read': { zh: '依申请公开：查阅申请人个人信息', en: 'Request: applicant personal data read' },
};
