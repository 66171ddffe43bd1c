// 姓名 + number pairs: a name right before an ID or mobile number (a list of people with their
// numbers) is reported as `pii.namePair` instead of the plain hit — one finding per leak, with the
// stronger rule. A name is either labelled (姓名：…) or a surname plus one or two characters
// standing alone before the number, optionally with its label (身份证号、手机…) between them.

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
// A place or office (白沙乡, 王家村, 金华市) is not a name: names do not end with these.
const PLACE = '乡镇村县市区省州盟旗街路巷道局办科处所站室组队院校会社司厂店园场馆';
const LABEL = '(?:公民身份号码|身份证号码|身份证号|身份证|手机号码|手机号|手机|联系电话|电话|号码)?';
const SEP = '[\\s,，、:：()（）]*';
const NAME_BEFORE = new RegExp(`(?:(?:姓名|联系人|申请人)${SEP}[\\u4e00-\\u9fa5·]{2,4}|[^\\u4e00-\\u9fa5][${SURNAMES}][\\u4e00-\\u9fa5]?(?![${PLACE}])[\\u4e00-\\u9fa5])${SEP}${LABEL}${SEP}$`);

export const PAIRED_RULES = new Set(['pii.idNumber', 'pii.idNumber15', 'pii.mobile']);

/** Whether a person's name stands right before the number starting at `start`. */
export function nameBefore(text: string, start: number): boolean {
  // A space stands for the start of the text: a surname there stands alone too.
  return NAME_BEFORE.test(start > 20 ? text.slice(start - 20, start) : ` ${text.slice(0, start)}`);
}
