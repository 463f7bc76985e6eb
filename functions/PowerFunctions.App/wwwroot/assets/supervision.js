// The supervision centre (电子监察中心): the red/yellow board, a case with its timeline, the department
// ranking and the open rectifications. Only the HTTP API (API.md), with the signed-in supervisor's token.
import { $, fill, h, status } from './dom.js';
import { api, apiUrl, collect, explain, openDocument, ApiError } from './api.js';
import { createSignIn } from './auth.js';
import { barChart } from './chart.js';
import * as L from './labels.js';
import { startRouter } from './router.js';
import { fact, table } from './views.js';

const refreshSeconds = 30;
const auth = createSignIn();
let session = auth.current();
const departments = new Map(); // code → name, from the public catalog
const titles = { signin: '登录', alerts: '预警看板', case: '办件详情', ranking: '部门排名', rectifications: '整改督办' };

const call = (path, options = {}) => api(path, { ...options, token: session?.token });

/** A link to a sealed document: the address is shown, a click fetches it with the token (the route is not public). */
function documentLink(id, text, note) {
  return h('a', {
    href: apiUrl(`/api/documents/${encodeURIComponent(id)}`),
    onclick: event => {
      event.preventDefault();
      openDocument(id, session?.token).catch(error => handle(error, note));
    },
  }, text);
}

/** A 401 anywhere ends the session: back to sign-in with the reason. */
function handle(error, note) {
  if (error instanceof ApiError && error.status === 401) {
    signOut('登录已失效，请重新登录');
    return;
  }
  status(note, explain(error), 'error');
}

// ---- sign-in ----

async function signIn(event) {
  event.preventDefault();
  const note = $('#signin-status');
  try {
    session = auth.signIn($('#token').value);
  } catch (error) {
    status(note, error.message, 'error');
    $('#token').focus();
    return;
  }
  status(note, '正在验证…');
  try {
    await call('/api/supervision/alerts', { query: { level: 'red' } }); // the server decides: 401 / 403 / 200
  } catch (error) {
    auth.signOut();
    session = null;
    status(note, error instanceof ApiError && error.status === 403 ? '该令牌没有监察（supervisor）权限' : explain(error), 'error');
    return;
  }
  $('#token').value = '';
  status(note, '');
  showUser();
  go('#/alerts');
}

/** Shows `hash` once: a hash change draws the view; the same hash is drawn again. */
function go(hash) {
  if (location.hash === hash) router.refresh();
  else location.hash = hash;
}

function signOut(message) {
  auth.signOut();
  session = null;
  stopRefresh();
  showUser();
  go('#/signin');
  if (message) status($('#signin-status'), message, 'error');
}

function showUser() {
  const box = $('#user');
  box.hidden = !session;
  if (session) $('#user-name').textContent = `${session.name}（${session.roles.map(r => L.roles[r] ?? r).join('、')}）`;
  for (const link of document.querySelectorAll('nav[aria-label="主导航"] a')) link.hidden = !session;
}

// ---- the red/yellow board ----

let timer = null;
let generation = 0; // answers of an older refresh are dropped (no request is aborted)

async function loadDepartments() {
  if (departments.size) return;
  const items = await api('/api/catalog/items').catch(() => []);
  for (const item of items) departments.set(item.department.code, item.department.name);
  const select = $('#f-department');
  for (const [code, name] of [...departments].sort((a, b) => a[0].localeCompare(b[0]))) select.append(h('option', { value: code }, name));
}

function fillKinds() {
  const select = $('#f-kind');
  if (select.options.length > 1) return;
  for (const kind of L.alertKindOptions) select.append(h('option', { value: kind }, L.alertKind(kind)));
}

let alertsHash = '#/alerts';

async function enterAlerts(_, params) {
  alertsHash = location.hash.startsWith('#/alerts') ? location.hash : '#/alerts';
  fillKinds();
  await loadDepartments();
  const form = $('#alert-filters');
  for (const name of ['department', 'kind', 'level']) form[name].value = params.get(name) ?? '';
  await refresh();
}

function filters() {
  const form = $('#alert-filters');
  return { level: form.level.value, kind: form.kind.value, department: form.department.value };
}

/** Filters go into the hash, so back from a case returns to the same board. */
function applyFilters(event) {
  event?.preventDefault();
  const query = new URLSearchParams(Object.entries(filters()).filter(([, v]) => v)).toString();
  const hash = `#/alerts${query ? `?${query}` : ''}`;
  if (location.hash !== hash) location.hash = hash;
  else refresh();
}

async function refresh() {
  stopRefresh();
  const mine = ++generation;
  const note = $('#alerts-status');
  const wanted = filters();
  try {
    const all = await collect('/api/supervision/alerts', { query: wanted, token: session?.token });
    if (mine !== generation) return;
    // The kind filter is also applied here: the current API filters level and department only.
    const alerts = all.filter(a => !wanted.kind || (a.kind ?? a.deadlineKind) === wanted.kind);
    drawAlerts(alerts);
    const time = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date());
    status(note, `${time} 更新，共 ${alerts.length} 条未处理预警${$('#auto').checked ? `，每 ${refreshSeconds} 秒自动刷新` : ''}`);
  } catch (error) {
    if (mine !== generation) return;
    handle(error, note);
  }
  scheduleRefresh();
}

const boardShown = () => session && $('#auto').checked && !$('section[data-view="alerts"]').hidden;

function scheduleRefresh() {
  stopRefresh();
  if (boardShown()) timer = setTimeout(refresh, refreshSeconds * 1000);
}

function stopRefresh() {
  clearTimeout(timer);
  timer = null;
}

function drawAlerts(alerts) {
  const red = alerts.filter(a => a.level === 'red').length;
  fill($('#alert-counts'),
    h('li', { class: 'count red' }, h('span', { class: 'number' }, red), ' 红牌'),
    h('li', { class: 'count yellow' }, h('span', { class: 'number' }, alerts.length - red), ' 黄牌'));
  const rows = alerts
    .sort((a, b) => (a.level === b.level ? String(a.due).localeCompare(String(b.due)) : a.level === 'red' ? -1 : 1))
    .map(a => h('tr', { class: `level-${a.level}` },
      h('td', {}, h('span', { class: `badge ${a.level}` }, L.levels[a.level] ?? a.level)),
      h('td', {}, a.caseNo
        ? h('a', { href: `#/case/${encodeURIComponent(a.caseNo)}`, 'aria-label': `查看办件 ${a.caseNo}` }, a.caseNo)
        : a.ticketNo ?? '—'),
      h('td', {}, L.alertKind(a.kind ?? a.deadlineKind)),
      h('td', {}, departments.get(a.department) ?? a.department),
      h('td', {}, a.itemCode ?? '—'),
      h('td', {}, a.due),
      h('td', {}, L.when(a.raisedAt))));
  fill($('#alerts-body'), rows.length ? rows : h('tr', {}, h('td', { colspan: 7, class: 'empty' }, '没有符合条件的未处理预警')));
}

// ---- one case with its timeline ----

async function enterCase(caseNo) {
  $('#back-to-alerts').href = alertsHash;
  const body = $('#case-body');
  fill(body, h('h1', { tabindex: '-1' }, `办件 ${caseNo ?? ''}`), h('p', { class: 'status', role: 'status' }, '正在载入…'));
  if (!caseNo) return;
  try {
    const c = await call(`/api/cases/${encodeURIComponent(caseNo)}`);
    fill(body, caseView(c));
  } catch (error) {
    handle(error, body.querySelector('.status'));
  }
}

function caseView(c) {
  const shown = { showCaption: true };
  const note = h('p', { class: 'status', role: 'status' });
  return [
    h('h1', { tabindex: '-1' }, `办件 ${c.caseNo}`),
    h('dl', { class: 'facts' },
      fact('事项', `${c.itemName ?? ''}（${c.itemCode}）`),
      fact('部门', c.department?.name ?? departments.get(c.department) ?? c.department),
      fact('申请人', c.applicant?.name),
      fact('收件时间', L.when(c.receivedAt)),
      fact('当前状态', h('span', { class: 'badge state' }, L.states[c.state] ?? c.state))),
    table('法定期限', ['期限', '起算日', '到期日', '完成日', '状态'], (c.deadlines ?? []).map(d => [
      L.deadlineKinds[d.kind] ?? d.kind, d.startedOn, d.due + (d.provisional ? '（暂定）' : ''), d.resolvedOn,
      h('span', { class: `badge ${d.status}` }, L.deadlineStatuses[d.status] ?? d.status)]), shown),
    c.stages?.length ? table('各环节用时（工作日）', ['环节', '开始', '结束', '时限', '已用', '是否超时'], c.stages.map(s => [
      L.stageNames[s.stage] ?? s.stage, s.startedOn, s.endedOn ?? '进行中', s.limit, s.used,
      s.overrun ? h('span', { class: 'badge red' }, '超时') : '未超时']), shown) : null,
    h('h2', {}, '办理过程（留痕，哈希链防篡改）'),
    h('ol', { class: 'timeline' }, (c.events ?? []).map(e => h('li', {},
      h('time', { datetime: e.at }, L.when(e.at)), ' ',
      h('strong', {}, L.eventTypes[e.type] ?? e.type),
      ` — ${e.actorName ?? e.actor}（${L.roles[e.role] ?? e.role}）`,
      h('span', { class: 'hash', title: `SHA-256 ${e.hash}` }, ` #${e.seq} ${String(e.hash).slice(0, 12)}…`)))),
    h('h2', {}, '文书'),
    c.documents?.length
      ? h('ul', { class: 'channels' }, c.documents.map(d => h('li', {},
        documentLink(d.id, L.documentTypes[d.type] ?? d.type, note),
        ` ${d.id}`)))
      : h('p', {}, '暂无文书'),
    note,
  ];
}

// ---- department ranking (GET /api/supervision/reports/{period}) ----

let today = null;

async function clockToday() {
  if (!today) today = (await api('/api/health').catch(() => null))?.now?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);
  return today;
}

async function enterRanking() {
  const form = $('#ranking-form');
  if (!form.period.value) form.period.value = (await clockToday()).slice(0, 7);
  await loadRanking();
}

async function loadRanking(event) {
  event?.preventDefault();
  const period = $('#ranking-form').period.value.trim();
  const note = $('#ranking-status');
  const out = $('#ranking-result');
  fill(out);
  if (!/^\d{4}(-W\d{2}|-\d{2}|-Q[1-4])?$/.test(period)) {
    status(note, '统计期格式：2026-W39（周）、2026-09（月）、2026-Q3（季度）或 2026（年）', 'error');
    return;
  }
  status(note, '正在载入…');
  try {
    const report = await call(`/api/supervision/reports/${encodeURIComponent(period)}`);
    const rows = [...(report.departments ?? [])].sort((a, b) => a.rank - b.rank);
    status(note, `${report.from} 至 ${report.to}，共 ${rows.length} 个部门`);
    fill(out, rankingView(report, rows));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notAvailable(note, '部门考核排名', `GET /api/supervision/reports/${period}`);
    else handle(error, note);
  }
}

function rankingView(report, rows) {
  const percent = v => (typeof v === 'number' ? `${(v <= 1 ? v * 100 : v).toFixed(1)}%` : '—');
  return [
    h('figure', { class: 'panel' },
      barChart({ title: `${report.period} 各部门综合得分`, rows: rows.map(d => ({ label: d.name ?? d.code, value: Number(d.score) || 0 })), max: 100, format: v => v.toFixed(1) }),
      h('figcaption', {}, `${report.period} 各部门综合得分（满分 100），按排名先后排列；详细数据见下表。`)),
    h('div', { class: 'table-wrap', role: 'region', 'aria-label': '部门排名表', tabindex: '0' },
      h('table', {},
        h('caption', {}, `${report.period} 部门考核排名`),
        h('thead', {}, h('tr', {}, ['排名', '部门', '收件', '办结', '按时办结', '按时率', '超期', '红牌', '黄牌', '投诉', '投诉按时办结', '好评', '差评', '未完成整改', '得分'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows.map(d => h('tr', {}, [
          d.rank, d.name ?? d.code, d.received, d.decided, d.onTime, percent(d.onTimeRate), d.overdue, d.alertsRed, d.alertsYellow,
          d.complaints, d.complaintsOnTime, d.ratingsGood, d.ratingsBad, d.rectificationsOpen, typeof d.score === 'number' ? d.score.toFixed(1) : d.score,
        ].map((x, i) => (i === 1 ? h('th', { scope: 'row' }, x) : h('td', {}, x ?? '—')))))))),
  ];
}

function notAvailable(note, what, route) {
  status(note, `${what}暂未开通：服务器尚未提供 ${route}（回答 404）。接口上线后此处自动显示数据。`, 'unavailable');
}

// ---- open rectifications (GET /api/supervision/rectifications?status=) ----

async function enterRectifications() {
  await loadRectifications();
}

async function loadRectifications(event) {
  event?.preventDefault();
  const wanted = $('#rect-status').value;
  const note = $('#rect-note');
  const out = $('#rect-result');
  fill(out);
  status(note, '正在载入…');
  try {
    const items = await collect('/api/supervision/rectifications', { query: { status: wanted }, token: session?.token });
    const now = await clockToday();
    status(note, items.length ? `共 ${items.length} 项` : '没有符合条件的整改事项');
    if (!items.length) return;
    fill(out, h('div', { class: 'table-wrap', role: 'region', 'aria-label': '整改事项', tabindex: '0' },
      h('table', {},
        h('caption', {}, '整改事项'),
        h('thead', {}, h('tr', {}, ['部门', '办件/工单', '发现的问题', '整改要求', '整改期限', '状态', '整改通知书'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, items.sort((a, b) => String(a.due).localeCompare(String(b.due))).map(r => h('tr', {},
          h('td', {}, departments.get(r.department) ?? r.department),
          h('td', {}, r.caseNo ? h('a', { href: `#/case/${encodeURIComponent(r.caseNo)}` }, r.caseNo) : r.ticketNo ?? '—'),
          h('td', {}, r.finding ?? '—'),
          h('td', {}, r.requirement ?? '—'),
          h('td', {}, r.due ?? '—', r.due && r.due < now && isOpen(r) ? h('span', { class: 'badge red' }, ' 已逾期') : null),
          h('td', {}, rectificationStates[r.status] ?? r.status ?? '—'),
          h('td', {}, r.documentId ? documentLink(r.documentId, '查看', note) : '—')))))));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notAvailable(note, '整改督办', 'GET /api/supervision/rectifications');
    else handle(error, note);
  }
}

const rectificationStates = { open: '整改中', reported: '已报告整改', accepted: '已验收', rejected: '退回重新整改', closed: '已办结' };
const isOpen = r => !['accepted', 'closed'].includes(r.status);

// ---- start ----

$('#signin-form').addEventListener('submit', signIn);
$('#signout').addEventListener('click', () => signOut());
$('#alert-filters').addEventListener('submit', applyFilters);
for (const name of ['f-department', 'f-kind', 'f-level']) $(`#${name}`).addEventListener('change', applyFilters);
$('#auto').addEventListener('change', () => (($('#auto').checked) ? refresh() : stopRefresh()));
$('#ranking-form').addEventListener('submit', loadRanking);
$('#rect-form').addEventListener('submit', loadRectifications);
$('#rect-status').addEventListener('change', loadRectifications);
// Hidden tab: no polling. Back in view: refresh at once, then every 30 s again.
document.addEventListener('visibilitychange', () => (document.hidden ? stopRefresh() : boardShown() && refresh()));

showUser();
const router = startRouter({
  views: { signin: null, alerts: enterAlerts, case: enterCase, ranking: enterRanking, rectifications: enterRectifications },
  fallback: 'alerts',
  title: name => `${titles[name]} - 电子监察中心`,
  guard: name => {
    if (name !== 'alerts') stopRefresh();
    return session ? (name === 'signin' ? 'alerts' : name) : 'signin';
  },
});
