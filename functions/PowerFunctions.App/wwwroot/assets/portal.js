// The public portal (政务公开): catalog search and service guides, publicity and results, progress by
// query code, document verification. Public routes of API.md only; one view shown at a time by the hash.
import { $, fill, h, status } from './dom.js';
import { api, apiUrl, asPage, explain, ApiError } from './api.js';
import * as L from './labels.js';
import { startRouter } from './router.js';
import { fact, table } from './views.js';

const titles = { catalog: '办事指南', item: '办事指南', publicity: '公示公告', progress: '办件查询', verify: '文书核验' };

// ---- catalog search ----

let departmentsLoaded = false;

async function enterCatalog() {
  if (!departmentsLoaded) {
    fillKinds();
    await search(); // the first, unfiltered answer also gives the departments
  }
}

function fillKinds() {
  const select = $('#kind');
  if (select.options.length > 1) return;
  for (const [code, name] of Object.entries(L.kinds)) select.append(h('option', { value: code }, name));
}

async function search(event) {
  event?.preventDefault();
  const form = $('#catalog-search');
  const query = { q: form.q.value.trim(), kind: form.kind.value, department: form.department.value };
  const out = $('#catalog-status');
  status(out, '正在查询…');
  form.setAttribute('aria-busy', 'true');
  try {
    const items = await api('/api/catalog/items', { query });
    if (!departmentsLoaded) fillDepartments(items);
    fill($('#catalog-results'), items.map(itemCard));
    status(out, items.length ? `共找到 ${items.length} 项权力事项` : '没有找到符合条件的事项，请换个关键词或筛选条件');
  } catch (error) {
    status(out, explain(error), 'error');
  } finally {
    form.removeAttribute('aria-busy');
  }
}

function fillDepartments(items) {
  const departments = new Map(items.map(i => [i.department.code, i.department.name]));
  const select = $('#department');
  for (const [code, name] of [...departments].sort((a, b) => a[0].localeCompare(b[0]))) select.append(h('option', { value: code }, name));
  departmentsLoaded = true;
}

function itemCard(item) {
  const flags = [
    L.handlingTypes[item.handlingType],
    item.publicised ? '结果公示' : null,
    item.expertReview ? '专家评审' : null,
    item.collectiveDecision ? '集体讨论' : null,
  ].filter(Boolean);
  return h('li', { class: 'card' },
    h('h2', {}, h('a', { href: `#/item/${encodeURIComponent(item.code)}` }, item.name)),
    h('p', { class: 'meta' }, `${L.kinds[item.kind] ?? item.kind} · ${item.department.name} · 承诺时限 ${L.limit(item.promisedLimit)}`),
    h('p', { class: 'tags' }, h('span', { class: 'code' }, item.code), flags.map(f => h('span', { class: 'tag' }, f))));
}

// ---- the service guide (办事指南) ----

async function enterItem(code) {
  const body = $('#item-body');
  fill(body, h('p', { class: 'status', role: 'status' }, '正在载入办事指南…'));
  try {
    const item = await api(`/api/catalog/items/${encodeURIComponent(code)}`);
    fill(body, guide(item));
    document.title = `${item.name} - 办事指南 - 政务公开`;
  } catch (error) {
    fill(body, h('h1', { id: 'item-title', tabindex: '-1' }, '办事指南'),
      h('p', { class: 'status error', role: 'alert' }, error instanceof ApiError && error.status === 404 ? '未找到该事项，它可能已被调整或废止。' : explain(error)));
  }
}

function guide(item) {
  const section = (id, title, ...content) => h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), content);
  const list = values => values?.length ? h('ul', {}, values.map(v => h('li', {}, v))) : h('p', {}, '无');
  return [
    h('h1', { id: 'item-title', tabindex: '-1' }, item.name),
    h('dl', { class: 'facts' },
      fact('事项编码', item.code),
      fact('权力类别', item.kindName ?? L.kinds[item.kind]),
      fact('实施部门', item.department.name),
      fact('办件类型', L.handlingTypes[item.handlingType]),
      fact('法定时限', L.limit(item.legalLimit)),
      fact('承诺时限', L.limit(item.promisedLimit)),
      fact('审查方式', L.reviewModes[item.reviewMode] ?? item.reviewMode),
      fact('收费', item.free ? '不收费' : '收费（见下方收费标准）'),
      fact('版本', `第 ${item.version} 版`),
      fact('发布时间', L.when(item.publishedAt))),
    item.revisionOverdue ? h('p', { class: 'status error' }, '提示：该事项的法律依据已变化，调整已超过规定期限。') : null,
    section('g-basis', '设定依据', item.legalBases?.map(b => h('blockquote', {}, h('p', { class: 'law' }, `${b.law} ${b.article ?? ''}`), b.text ? h('p', {}, b.text) : null))),
    section('g-conditions', '申请条件', list(item.conditions)),
    item.reviewStandards?.length ? section('g-standards', '审查标准', list(item.reviewStandards)) : null,
    section('g-materials', '申请材料', materials(item.materials)),
    section('g-fees', '收费标准', item.free ? h('p', {}, '本事项不收费。') : table('收费标准',
      ['收费项目', '标准', '依据'], (item.fees ?? []).map(f => [f.item, f.standard, f.basis]))),
    section('g-limits', '办理时限', limits(item)),
    section('g-flow', '运行流程图', h('figure', { class: 'flowchart' },
      h('a', { href: apiUrl(item.flowchartSvg), target: '_blank', rel: 'noopener' },
        h('img', { src: apiUrl(item.flowchartSvg), alt: `${item.name}运行流程图：${flowText(item)}`, width: 640, loading: 'lazy', decoding: 'async' })),
      h('figcaption', {}, '点击图片可查看大图。', flowText(item)))),
    item.responsiblePosts?.length ? section('g-posts', '岗位职责', table('岗位职责', ['岗位', '职责'], item.responsiblePosts.map(p => [p.post, p.duty]))) : null,
    item.counterpartRights?.length ? section('g-rights', '申请人权利', list(item.counterpartRights)) : null,
    section('g-complain', '监督与投诉', h('p', {}, '对办理过程或结果有意见的，可通过以下渠道反映：'),
      channels('投诉渠道', item.complaintChannels), channels('监督渠道', item.supervisionChannels)),
  ];
}

function materials(items) {
  if (!items?.length) return h('p', {}, '无需提交材料。');
  return table('申请材料', ['材料名称', '是否必需', '形式', '份数', '受理标准'],
    items.map(m => [m.name, m.required ? '必需' : '按情形提交', L.materialForms[m.form] ?? m.form, m.copies ?? '—', m.acceptanceStandard ?? '—']));
}

function limits(item) {
  const stages = Object.entries(item.stageLimits ?? {}).filter(([, days]) => days > 0);
  const unit = item.promisedLimit?.unit === 'calendar' ? '日' : '个工作日';
  return [
    h('p', {}, `法定时限 ${L.limit(item.legalLimit)}，承诺时限 ${L.limit(item.promisedLimit)}。`),
    stages.length ? table('各环节时限', ['环节', '时限'], stages.map(([stage, days]) => [L.stageNames[stage] ?? stage, `${days}${unit}`])) : null,
    item.excludedProcedures?.length
      ? h('p', {}, `下列程序所需时间不计入办理时限：${item.excludedProcedures.map(p => L.excludedProcedures[p] ?? p).join('、')}。`)
      : null,
  ];
}

function flowText(item) {
  const stages = item.flowchart?.stages ?? [];
  return stages.length ? `流程：${stages.map(s => s.name).join(' → ')}。` : '';
}

function channels(title, values) {
  if (!values?.length) return null;
  return h('div', {}, h('h3', {}, title), h('ul', { class: 'channels' }, values.map(c => h('li', {}, h('strong', {}, c.name), '：', c.contact))));
}

// ---- publicity and results (masked; paged when the API pages) ----

async function enterPublicity() {
  await Promise.all([
    board('#publicity-list', '/api/publicity', ['办件编号', '事项', '申请人', '决定', '公示起', '公示止'],
      p => [p.caseNo, p.itemName, p.applicant, L.decisions[p.decision] ?? p.decision, p.publicFrom, p.publicUntil],
      '当前没有正在公示的事项'),
    board('#results-list', '/api/results', ['办件编号', '事项', '部门', '申请人', '决定', '决定日期', '公开日期'],
      r => [r.caseNo, r.itemName, r.department, r.applicant, L.decisions[r.decision] ?? r.decision, r.decidedOn, r.publishedOn],
      '暂无已公开的办理结果'),
  ]);
}

async function board(selector, path, headers, row, empty) {
  const host = $(selector);
  const rows = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, '加载更多');
  const note = h('p', { class: 'status', role: 'status' }, '正在载入…');
  fill(host, h('div', { class: 'table-wrap', role: 'region', 'aria-label': headers.join('、'), tabindex: '0' },
    h('table', {}, h('thead', {}, h('tr', {}, headers.map(t => h('th', { scope: 'col' }, t)))), rows)), note, more);
  let continuation = null;
  let count = 0;
  const load = async () => {
    more.disabled = true;
    try {
      const page = asPage(await api(path, { query: { continuation } }));
      rows.append(...page.items.map(item => h('tr', {}, row(item).map(c => h('td', {}, c ?? '—')))));
      count += page.items.length;
      continuation = page.continuation;
      more.hidden = !continuation;
      status(note, count ? `已显示 ${count} 条${continuation ? '，还有更多' : ''}` : empty);
    } catch (error) {
      status(note, explain(error), 'error');
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', load);
  await load();
}

// ---- progress by case number and query code ----

async function followCase(event) {
  event.preventDefault();
  const form = event.target;
  const out = $('#progress-result');
  const note = $('#progress-status');
  const caseNo = form.caseNo.value.trim();
  const queryCode = form.queryCode.value.trim();
  if (!caseNo || !queryCode) {
    status(note, '请填写办件编号和查询码', 'error');
    (caseNo ? form.queryCode : form.caseNo).focus();
    return;
  }
  status(note, '正在查询…');
  fill(out);
  try {
    const progress = await api(`/api/cases/${encodeURIComponent(caseNo)}/progress`, { query: { queryCode } });
    status(note, `已找到办件 ${progress.caseNo}`, 'ok');
    fill(out, progressView(progress));
  } catch (error) {
    status(note, error instanceof ApiError && error.status === 404 ? '办件编号或查询码不正确，请核对后重试' : explain(error), 'error');
  }
}

function progressView(p) {
  return h('article', { class: 'panel', 'aria-labelledby': 'progress-title' },
    h('h2', { id: 'progress-title' }, `${p.itemName}`),
    h('dl', { class: 'facts' },
      fact('办件编号', p.caseNo), fact('实施部门', p.department), fact('申请人', p.applicant),
      fact('当前状态', h('span', { class: 'badge state' }, L.states[p.state] ?? p.state))),
    h('h3', {}, '办理过程'),
    h('ol', { class: 'timeline' }, (p.steps ?? []).map(s => h('li', {}, h('time', { datetime: s.at }, L.when(s.at)), ' ', s.name))),
    h('h3', {}, '法定期限'),
    deadlines(p.deadlines));
}

function deadlines(list) {
  if (!list?.length) return h('p', {}, '暂无期限');
  return table('法定期限', ['期限', '到期日', '状态'],
    list.map(d => [L.deadlineKinds[d.kind] ?? d.kind, d.due + (d.provisional ? '（暂定）' : ''),
      h('span', { class: `badge ${d.status}` }, L.deadlineStatuses[d.status] ?? d.status)]));
}

// ---- verify a document by uploading it ----

async function verify(event) {
  event.preventDefault();
  const file = event.target.file.files[0];
  const note = $('#verify-status');
  const out = $('#verify-result');
  fill(out);
  if (!file) {
    status(note, '请选择要核验的 PDF 文件', 'error');
    event.target.file.focus();
    return;
  }
  status(note, `正在核验 ${file.name}…`);
  try {
    const answer = await api('/api/documents/verify', { method: 'POST', body: file, contentType: 'application/pdf' });
    status(note, '');
    fill(out, verdict(answer, file.name));
  } catch (error) {
    status(note, explain(error), 'error');
  }
}

function verdict(v, fileName) {
  const type = L.documentTypes[v.documentType] ?? v.documentType;
  const details = h('dl', { class: 'facts' },
    v.documentType ? fact('文书', type) : null,
    v.documentId ? fact('文书编号', v.documentId) : null,
    v.caseNo ? fact('办件编号', v.caseNo) : null,
    v.sealedBy ? fact('签章单位', v.sealedBy) : null,
    v.sealedAt ? fact('签章时间', L.when(v.sealedAt)) : null,
    v.sealId ? fact('印章编号', v.sealId) : null,
    v.algorithm ? fact('签章算法', v.algorithm) : null,
    v.contentDigest ? fact('内容摘要', v.contentDigest) : null,
    fact('文件 SHA-256', h('code', { class: 'hash' }, v.sha256)));
  if (v.valid) {
    return h('div', { class: 'verdict valid', role: 'alert' },
      h('p', { class: 'verdict-title' }, '✔ 文书有效，未被改动'),
      h('p', {}, `「${fileName}」是 ${v.sealedBy} 于 ${L.when(v.sealedAt)} 签章的${type ?? '文书'}，内容与签章时完全一致。`),
      details);
  }
  const changed = v.reasonCode === 'content-changed';
  return h('div', { class: 'verdict invalid', role: 'alert' },
    h('p', { class: 'verdict-title' }, changed ? '✘ 文书已被改动，不能作为有效文书使用' : '✘ 无法确认文书有效'),
    h('p', {}, v.reason ?? '核验未通过。'),
    changed && v.sealedBy ? h('p', {}, `原文书由 ${v.sealedBy} 于 ${L.when(v.sealedAt)} 签章；请以行政机关送达的原件为准。`) : null,
    details);
}

// ---- start ----

$('#catalog-search').addEventListener('submit', search);
$('#kind').addEventListener('change', search);
$('#department').addEventListener('change', search);
$('#progress-form').addEventListener('submit', followCase);
$('#verify-form').addEventListener('submit', verify);

startRouter({
  views: { catalog: enterCatalog, item: enterItem, publicity: enterPublicity, progress: enterProgress, verify: null },
  fallback: 'catalog',
  title: name => `${titles[name]} - 政务公开`,
});

function enterProgress(caseNo) {
  if (caseNo) $('#progress-form').caseNo.value = caseNo;
}
