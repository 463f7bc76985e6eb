// Chinese names of the API's codes (API.md), and date formatting in China time.

export const kinds = {
  licensing: '行政许可', penalty: '行政处罚', levy: '行政征收', benefit: '行政给付', reward: '行政奖励',
  coercion: '行政强制', confirmation: '行政确认', adjudication: '行政裁决', inspection: '行政检查',
  'public-service': '基本公共服务', other: '其他',
};

export const states = {
  submitted: '已收件', 'correction-requested': '待补正', accepted: '已受理', refused: '不予受理',
  'under-review': '审查中', suspended: '中止（不计时）', decided: '已决定', 'in-publicity': '公示中',
  'awaiting-delivery': '待送达', delivered: '已送达', closed: '已办结', withdrawn: '已撤回',
};

export const deadlineKinds = {
  'correction-notice': '一次性告知补正', decision: '作出决定', 'publicity-end': '公示期满',
  delivery: '送达', 'result-publication': '结果公开',
};

export const deadlineStatuses = { pending: '进行中', met: '已按时完成', yellow: '黄牌预警', red: '红牌（已超期）' };

const stages = { acceptance: '受理', review: '审查', decision: '决定', publicity: '公示', delivery: '送达' };

/** Alert kinds: a deadline kind, stage-{stage}, complaint-{kind}, catalog-revision, rectification. */
export function alertKind(kind) {
  if (deadlineKinds[kind]) return `${deadlineKinds[kind]}时限`;
  if (kind?.startsWith('stage-')) return `${stages[kind.slice(6)] ?? kind.slice(6)}环节超时`;
  if (kind?.startsWith('complaint-')) return `投诉${({ dispatch: '派单', explanation: '说明', answer: '答复' })[kind.slice(10)] ?? kind.slice(10)}时限`;
  if (kind === 'catalog-revision') return '权力清单调整时限';
  if (kind === 'rectification') return '整改时限';
  return kind ?? '';
}

export const alertKindOptions = [
  'correction-notice', 'decision', 'publicity-end', 'delivery', 'result-publication',
  'stage-acceptance', 'stage-review', 'stage-decision', 'stage-delivery',
  'complaint-dispatch', 'complaint-explanation', 'complaint-answer', 'catalog-revision', 'rectification',
];

export const levels = { red: '红牌', yellow: '黄牌' };

export const eventTypes = {
  submitted: '收件', 'correction-requested': '一次性告知补正', supplemented: '补正材料', accepted: '受理',
  'deemed-accepted': '逾期未告知，视为受理', refused: '不予受理', reviewed: '审查意见', 'site-inspected': '现场核查',
  'experts-drawn': '抽取专家', 'collective-decided': '集体讨论', suspended: '中止办理', resumed: '恢复办理',
  extended: '延长期限', decided: '作出决定', 'objection-filed': '公示异议', 'publicity-ended': '公示期满',
  delivered: '送达', 'result-published': '结果公开', withdrawn: '撤回申请', 'deadline-moved': '期限调整（节假日安排变化）',
};

export const roles = {
  citizen: '申请人', acceptor: '受理人员', reviewer: '审查人员', decider: '决定人员', deliverer: '送达人员',
  supervisor: '监察人员', 'catalog-admin': '清单管理员', admin: '系统管理员', hotline: '热线', handler: '承办人员',
  system: '系统', enforcer: '执法人员', 'legal-reviewer': '法制审核',
};

export const documentTypes = {
  'acceptance-notice': '受理通知书', 'refusal-notice': '不予受理通知书', 'correction-notice': '补正告知书',
  'approval-decision': '准予行政许可决定书', 'denial-decision': '不予行政许可决定书', 'delivery-receipt': '送达回证',
  'rectification-notice': '整改通知书',
};

export const decisions = { approve: '准予', deny: '不予', approved: '准予', denied: '不予' };

export const materialForms = { original: '原件', copy: '复印件', 'original-and-copy': '原件及复印件' };

export const stageNames = stages;

/** "10个工作日" / "60日" from {days, unit}. */
export function limit(value) {
  if (!value) return '—';
  if (value.days === 0) return '即办';
  return `${value.days}${value.unit === 'calendar' ? '日（自然日）' : '个工作日'}`;
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** An instant as China time "2026/09/18 09:30"; a date string stays as it is. */
export function when(value) {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : dateTime.format(instant);
}

export const handlingTypes = { immediate: '即办件', promised: '承诺件' };

export const reviewModes = { formal: '形式审查（一人审查）', substantive: '实质审查（A、B角两人审查）' };

export const excludedProcedures = {
  hearing: '听证', bidding: '招标', auction: '拍卖', testing: '检验', inspection: '检测', quarantine: '检疫',
  appraisal: '鉴定', 'expert-review': '专家评审',
};
