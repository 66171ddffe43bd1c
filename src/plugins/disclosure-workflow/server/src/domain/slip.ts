// The printable 审核单 / 保密审查单 of one round: every signature with post, decision, opinion and time.
import type { Round } from './state-machine';
import { STATE_LABELS } from './audit-labels';
import { CHANGES_CSS, renderChangesHtml, type ChangesView } from './changes';

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const DECISIONS: Record<string, string> = { approve: '同意 Approved', return: '退回 Returned', reject: '驳回 Rejected' };
const CONCLUSIONS: Record<string, string> = { public: '可以公开 Public', redacted: '删减后公开 Public after redaction', withhold: '不予公开 Withhold', escalate: '报请确定 Referred' };
const formatTime = (iso: string | undefined, timeZone: string) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone, hour12: false }) : '');

/**
 * The slip's style, scoped to `.dw-slip` so the admin can embed the slip in its own page; on paper
 * (A4) only the slip is printed: the admin page hides everything else under `@media print`.
 */
export const SLIP_CSS = `@page{size:A4 portrait;margin:18mm 16mm}
.dw-slip{font-family:"SimSun","Songti SC",serif;color:#000;background:#fff;max-width:210mm;margin:0 auto;padding:12mm}
.dw-slip h1{text-align:center;font-size:22pt;margin:0 0 .5em}
.dw-slip table{width:100%;border-collapse:collapse;margin-top:1em}
.dw-slip td,.dw-slip th{border:1px solid #000;padding:6px;font-size:11pt;vertical-align:top;text-align:left}
.dw-slip th{background:#eee}.dw-slip .meta td:first-child{width:8em;font-weight:bold}
.dw-slip tr{page-break-inside:avoid;break-inside:avoid}
.dw-slip footer{margin-top:2em;font-size:9pt;color:#555}
${CHANGES_CSS}
@media print{.dw-slip{padding:0;max-width:none}.dw-slip th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}`;

/** The slip itself (a `<div class="dw-slip">`), every text escaped. */
/** A finding of the pre-publication checks as the slip prints it (excerpt already masked). */
export type SlipFinding = { rule: string; severity: string; field: string; location?: string; excerpt: string; overridden?: boolean };

function findingsTable(findings: SlipFinding[], overrides: Array<{ rule: string; reason: string }>): string {
  const reasons = (rule: string) => overrides.filter((o) => o.rule === rule).map((o) => escape(o.reason)).join('；');
  const rows = findings
    .map((f) => `<tr><td>${f.severity === 'error' ? '须处理 Error' : '提示 Warning'}</td><td>${escape(f.rule)}</td><td>${escape(f.field)}${f.location ? ` · ${escape(f.location)}` : ''}</td><td>${escape(f.excerpt)}</td><td>${f.overridden ? `已放行 Overridden：${reasons(f.rule)}` : ''}</td></tr>`)
    .join('');
  return `<h2>发布前检查 Checks before publishing</h2>${findings.length ? `<table><tr><th>级别</th><th>规则 Rule</th><th>位置 Where</th><th>摘录 Excerpt</th><th>处理 Handling</th></tr>${rows}</table>` : '<p>未发现问题 No findings.</p>'}`;
}

export function renderSlipBody(input: { typeName: string; doc: any; round: Round; names: Record<number, string>; roleNames?: Record<string, string>; printedAt: string; timeZone?: string; changes?: ChangesView | null; inspection?: { findings: SlipFinding[]; overridden: Array<{ rule: string; reason: string }> } | null }): string {
  const { doc, round, names } = input;
  const post = (code: string) => escape(input.roleNames?.[code] ?? code);
  const state = STATE_LABELS[round.state];
  const time = (iso?: string) => formatTime(iso, input.timeZone ?? 'Asia/Shanghai');
  const who = (id?: number) => escape(id ? names[id] ?? `#${id}` : '');
  const rows = round.steps
    .map((s) => `<tr><td>${escape(s.name)}</td><td>${s.role ? post(s.role) : s.roles.map(post).join(' / ')}</td><td>${who(s.actor)}</td><td>${escape(s.decision ? DECISIONS[s.decision] : '待审 Pending')}</td><td>${escape(s.comment)}</td><td>${time(s.at)}</td></tr>`)
    .join('');
  const sign = round.signOff ?? round.escalation;
  const signRow = sign
    ? `<tr><td>保密审查 Confidentiality sign-off</td><td>${post(sign.role)}</td><td>${who(sign.actor)}</td><td>${escape(CONCLUSIONS[sign.conclusion])}${sign.referredTo ? `（${escape(sign.referredTo)}）` : ''}</td><td>${escape(sign.opinion)}${sign.exemptionReason ? `<br>理由 reason: ${escape(sign.exemptionReason)}` : ''}</td><td>${time(sign.at)}</td></tr>`
    : '<tr><td>保密审查 Confidentiality sign-off</td><td colspan="5">待审查 Pending</td></tr>';
  return `<div class="dw-slip" lang="zh-Hans">
<h1>政府信息公开审核单（含保密审查）</h1>
<table class="meta">
<tr><td>信息名称</td><td>${escape(doc?.title ?? doc?.name)}</td></tr>
<tr><td>索引号</td><td>${escape(doc?.indexNumber)}</td></tr>
<tr><td>文号</td><td>${escape(doc?.documentNumber)}</td></tr>
<tr><td>类型</td><td>${escape(input.typeName)}</td></tr>
<tr><td>审核轮次</td><td>第 ${round.number} 轮（${escape(state ? `${state.zh} ${state.en}` : round.state)}）</td></tr>
<tr><td>送审人</td><td>${who(round.submitter)}，${time(round.submittedAt)}</td></tr>
<tr><td>内容指纹</td><td><code>${escape(sign?.contentHash ?? round.contentHash)}</code></td></tr>
</table>
<table><tr><th>环节 Step</th><th>岗位 Post</th><th>签名 Signed by</th><th>结论 Decision</th><th>意见 Opinion</th><th>时间 Time</th></tr>${rows}${signRow}</table>
${input.changes ? renderChangesHtml(input.changes, { timeZone: input.timeZone }) : ''}
${input.inspection ? findingsTable(input.inspection.findings, input.inspection.overridden) : ''}
${round.voided ? `<p><strong>本轮已失效：</strong>${escape(round.voided.reason)}（${time(round.voided.at)}）</p>` : ''}
<footer>打印时间 ${time(input.printedAt)} · 先审查、后公开 · 谁公开谁审查、谁审查谁负责</footer>
</div>`;
}

/** A standalone printable page (no script: print it with the browser; A4). */
export function renderSlip(input: Parameters<typeof renderSlipBody>[0]): string {
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>审核单 ${escape(input.doc?.title ?? input.doc?.name)}</title>
<style>body{margin:0;background:#fff}${SLIP_CSS}</style></head>
<body>${renderSlipBody(input)}</body></html>`;
}
