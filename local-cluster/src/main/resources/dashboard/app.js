// The spend dashboard: plain script, no build step. Every number comes from /api/*; money arrives as decimal
// strings and is only formatted here. Filters live in the URL, so a link shows the same view.
'use strict';

const PAGE = document.body.dataset.page;
// Script errors show on the page (and tests read them) instead of leaving it at "loading…".
window.addEventListener('error', (e) => { document.body.dataset.scriptError = e.message; });
window.addEventListener('unhandledrejection', (e) => { document.body.dataset.scriptError = String(e.reason); });
const FILTERS = ['from', 'to', 'account', 'model', 'app', 'caller', 'tag'];
const charts = [];
let meta = null;
let shownVersion = null;

function params() { return new URLSearchParams(location.search); }

function filterQuery(extra) {
  const p = params();
  const q = new URLSearchParams();
  FILTERS.forEach((k) => { if (p.get(k)) q.set(k, p.get(k)); });
  Object.entries(extra || {}).forEach(([k, v]) => { if (v !== null && v !== undefined && v !== '') q.set(k, v); });
  return q.toString();
}

async function api(name, extra) {
  const res = await fetch('/api/' + name + '?' + filterQuery(extra));
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

// ---- formatting (display only; the exact value stays in data-value) ----
function usd(s) {
  if (s === null || s === undefined) return '–';
  const n = Number(s);
  const digits = Math.abs(n) > 0 && Math.abs(n) < 1 ? 4 : 2;
  return n.toLocaleString('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: digits,
    maximumFractionDigits: digits });
}
function int(n) { return n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US'); }
function pct(s) { return s === null || s === undefined ? '–' : (Number(s) * 100).toFixed(1) + ' %'; }
function ms(n) { return n === null || n === undefined ? '–' : Math.round(n).toLocaleString('en-US') + ' ms'; }
function when(iso) { return iso ? iso.replace('T', ' ').replace(/:00(\.0+)?Z$/, 'Z').replace('Z', ' UTC') : '–'; }
function esc(s) {
  return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function el(html) { const t = document.createElement('template'); t.innerHTML = html.trim(); return t.content.firstChild; }

function card(id, label, value, text, note) {
  return `<div class="card" id="${id}"><div class="label">${esc(label)}</div>` +
    `<div class="value" data-value="${esc(value)}">${esc(text)}</div>` +
    (note ? `<div class="note">${esc(note)}</div>` : '') + '</div>';
}

// Milliseconds from navigation to the page fully drawn (data loaded, every chart finished): the benchmark reads it.
function markPainted() {
  const b = document.body.dataset;
  const charts = [...document.querySelectorAll('.chart')];
  if (b.loaded && b.loaded !== 'error' && !b.paintedMs && charts.every((c) => c.dataset.rendered === 'true')) {
    b.paintedMs = String(Math.round(performance.now()));
  }
}

function empty(message) { return `<div class="empty" data-empty="true">${esc(message)}</div>`; }

function chart(container, option) {
  const c = echarts.init(container, null, { renderer: 'canvas' });
  c.on('finished', () => { container.dataset.rendered = 'true'; markPainted(); });
  c.setOption(Object.assign({ animation: false, grid: { left: 60, right: 20, top: 40, bottom: 40 } }, option));
  charts.push(c);
  return c;
}

// ---- pages ----
async function overviewPage(main) {
  const o = await api('overview');
  const m = o.month_to_date;
  const t = o.today;
  const r = o.range;
  main.innerHTML = '';
  main.append(el('<h2>As of ' + esc(o.as_of) + '</h2>'));
  main.append(el('<div class="cards">' +
    card('spend-today', 'Spend on ' + o.as_of, t.cost_usd, usd(t.cost_usd), int(t.invocations) + ' calls') +
    card('spend-month', 'Month to date', m.cost_usd, usd(m.cost_usd), int(m.invocations) + ' calls') +
    card('forecast', 'Forecast for the month', o.forecast.month_end_usd, usd(o.forecast.month_end_usd),
      o.forecast.days_elapsed + ' of ' + o.forecast.days_in_month + ' days, straight line') +
    card('data-up-to', 'Data up to', o.data_up_to || '', when(o.data_up_to), 'tables complete up to') +
    '</div>'));
  main.append(el('<h2>Selected range: ' + esc(r.from.slice(0, 10)) + ' to ' + esc(r.to.slice(0, 10)) + '</h2>'));
  main.append(el('<div class="cards">' +
    card('range-cost', 'Spend', r.cost_usd, usd(r.cost_usd)) +
    card('range-calls', 'Calls', r.invocations, int(r.invocations), int(r.errors) + ' errors') +
    card('range-input', 'Input tokens', r.input_tokens, int(r.input_tokens)) +
    card('range-output', 'Output tokens', r.output_tokens, int(r.output_tokens)) +
    card('range-cache', 'Cache savings', r.cache_savings_usd, usd(r.cache_savings_usd),
      int(r.cache_read_tokens) + ' cache-read tokens') +
    card('range-unpriced', 'Unpriced calls', r.unpriced_invocations, int(r.unpriced_invocations)) +
    card('range-rejected', 'Rejected records', o.rejected_records, int(o.rejected_records)) +
    '</div>'));
  const ts = await api('timeseries', { by: 'model' });
  main.append(el('<h2>Spend by model</h2>'));
  main.append(seriesChart(ts, 'chart-overview'));
  if (o.budgets.length) {
    main.append(el('<h2>Budgets</h2>'));
    o.budgets.forEach((b, i) => main.append(budget(b, i)));
  }
}

function budget(b, i) {
  const box = el(`<div class="budget"><div><b>${esc(b.name)}</b> — ${esc(b.scope)} ${esc(b.window)}, ` +
    `${usd(b.threshold_usd)} (${esc(b.kind)})</div></div>`);
  if (!b.entries.length) { box.append(el(empty('No spend in this budget\'s period yet.'))); return box; }
  const table = el('<div class="table-wrap"><table><thead><tr><th>' + esc(b.scope) + '</th><th>spent</th>' +
    '<th>used</th><th>forecast</th><th>remaining</th></tr></thead><tbody></tbody></table></div>');
  b.entries.forEach((e) => table.querySelector('tbody').append(el(`<tr><td>${esc(e.scope_key)}</td>` +
    `<td data-value="${esc(e.spent_usd)}">${usd(e.spent_usd)}</td><td>${pct(e.used_ratio)}</td>` +
    `<td>${usd(e.forecast_usd)}</td><td>${usd(e.remaining_usd)}</td></tr>`)));
  box.append(table);
  const div = el(`<div class="chart small" id="chart-budget-${i}"></div>`);
  box.append(div);
  setTimeout(() => chart(div, {
    tooltip: { trigger: 'axis' }, legend: { type: 'scroll' },
    xAxis: { type: 'category', data: b.entries[0].cumulative.map((p) => p.day) },
    yAxis: { type: 'value', name: 'USD' },
    series: b.entries.slice(0, 5).map((e, k) => ({ name: e.scope_key, type: 'line',
      data: e.cumulative.map((p) => Number(p.cost_usd)),
      markLine: k === 0 ? { symbol: 'none', data: [{ yAxis: Number(b.threshold_usd), name: 'budget' }] } : undefined })),
  }), 0);
  return box;
}

function seriesChart(ts, id) {
  if (!ts.series.length) return el(empty('No data for this range and these filters.'));
  const div = el(`<div class="chart" id="${id}"></div>`);
  setTimeout(() => chart(div, {
    tooltip: { trigger: 'axis', valueFormatter: (v) => usd(v) },
    legend: { type: 'scroll', top: 0 },
    xAxis: { type: 'category', data: ts.buckets.map((b) => ts.granularity === 'day' ? b.slice(0, 10)
      : b.slice(0, 16).replace('T', ' ')) },
    yAxis: { type: 'value', name: 'USD' },
    dataZoom: [{ type: 'inside' }],
    series: ts.series.map((s) => ({ name: s.name, type: 'bar', stack: 'cost', data: s.values.map(Number) })),
  }), 0);
  return div;
}

function dimensionChoices(current) {
  const dims = ['model', 'account', 'app', 'caller', 'region'];
  Object.keys((meta && meta.tags) || {}).forEach((k) => dims.push('tag:' + k));
  if (current && !dims.includes(current)) dims.push(current);
  return dims;
}

function dimTabs(name, current, dims) {
  return '<div class="tabs">' + dims.map((d) => {
    const q = new URLSearchParams(location.search); q.set(name, d);
    return `<a href="?${esc(q.toString())}" class="${d === current ? 'active' : ''}" data-dim="${esc(d)}">${esc(d)}</a>`;
  }).join('') + '</div>';
}

async function spendPage(main) {
  const by = params().get('by') || 'model';
  const ts = await api('timeseries', { by });
  main.innerHTML = '';
  main.append(el('<div class="toolbar"><b>Stacked by</b> ' + dimTabs('by', by, dimensionChoices(by)) +
    `<span>per ${esc(ts.granularity)}</span></div>`));
  main.append(el('<div class="cards">' + card('spend-total', 'Spend in range', ts.cost_usd,
    usd(ts.cost_usd), ts.series.length + ' series') + '</div>'));
  main.append(el('<h2>Spend over time</h2>'));
  main.append(seriesChart(ts, 'chart-spend'));
}

const TOP_COLUMNS = [['name', 'Name', 's'], ['cost_usd', 'Cost', 'usd'], ['share', 'Share', 'pct'],
  ['invocations', 'Calls', 'int'], ['input_tokens', 'Input tokens', 'int'], ['output_tokens', 'Output tokens', 'int'],
  ['total_tokens', 'All tokens', 'int'], ['cost_per_call_usd', 'Cost / call', 'usd'],
  ['change_usd', 'Change', 'usd'], ['change_ratio', 'Change %', 'pct']];

async function topPage(main) {
  const dim = params().get('dim') || 'caller';
  const t = await api('top', { dim });
  main.innerHTML = '';
  const dims = dimensionChoices(dim).filter((d) => d !== 'region');
  main.append(el('<div class="toolbar">' + dimTabs('dim', dim, dims) +
    `<a id="csv" href="/api/top?${esc(filterQuery({ dim, format: 'csv' }))}" download>Download CSV</a></div>`));
  main.append(el('<div class="cards">' + card('top-total', 'Spend in range', t.cost_usd, usd(t.cost_usd),
    'change against ' + t.previous_from.slice(0, 10) + ' onwards') + '</div>'));
  if (!t.rows.length) { main.append(el(empty('No data for this range and these filters.'))); return; }
  main.append(sortableTable('top-table', TOP_COLUMNS, t.rows, 'cost_usd'));
}

function fmt(kind, v, row) {
  if (typeof kind === 'function') return kind(v, row);
  return kind === 'usd' ? usd(v) : kind === 'int' ? int(v) : kind === 'pct' ? pct(v) : kind === 'ms' ? ms(v) : esc(v);
}

function sortableTable(id, columns, rows, sortKey) {
  const wrap = el(`<div class="table-wrap"><table id="${id}"><thead><tr></tr></thead><tbody></tbody></table></div>`);
  const head = wrap.querySelector('tr');
  let key = sortKey;
  let desc = true;
  const draw = () => {
    const kind = columns.find((c) => c[0] === key)[2];
    const sorted = rows.slice().sort((a, b) => {
      const x = a[key]; const y = b[key];
      const c = kind === 's' ? String(x).localeCompare(String(y)) : (x === null ? -Infinity : Number(x)) -
        (y === null ? -Infinity : Number(y));
      return desc ? -c : c;
    });
    head.querySelectorAll('th').forEach((th) => {
      th.className = th.dataset.key === key ? (desc ? 'sorted-desc' : 'sorted-asc') : '';
    });
    const body = wrap.querySelector('tbody');
    body.innerHTML = sorted.map((r) => '<tr>' + columns.map(([k, , kind2]) => {
      const cls = k.startsWith('change') && r[k] !== null ? (Number(r[k]) > 0 ? 'up' : Number(r[k]) < 0 ? 'down' : '') : '';
      return `<td class="${cls}" data-key="${k}" data-value="${esc(r[k])}">${fmt(kind2, r[k], r)}</td>`;
    }).join('') + '</tr>').join('');
  };
  columns.forEach(([k, label]) => {
    const th = el(`<th data-key="${k}">${esc(label)}</th>`);
    th.addEventListener('click', () => { if (key === k) desc = !desc; else { key = k; desc = true; } draw(); });
    head.append(th);
  });
  draw();
  return wrap;
}

const MODEL_COLUMNS = [['model', 'Model', 's'], ['cost_usd', 'Cost', 'usd'], ['invocations', 'Calls', 'int'],
  ['errors', 'Errors', 'int'], ['error_rate', 'Error rate', 'pct'], ['cache_hit_ratio', 'Cache hit ratio', 'pct'],
  ['cache_savings_usd', 'Cache savings', 'usd'], ['latency_p50_ms', 'p50', 'ms'], ['latency_p99_ms', 'p99', 'ms']];

async function modelsPage(main) {
  const m = await api('models');
  main.innerHTML = '';
  main.append(el('<div class="cards">' + card('models-count', 'Models', m.rows.length, int(m.rows.length)) +
    card('models-cost', 'Spend in range', m.cost_usd, usd(m.cost_usd)) + '</div>'));
  if (!m.rows.length) { main.append(el(empty('No data for this range and these filters.'))); return; }
  main.append(el('<h2>Cost and p99 latency per model</h2>'));
  const div = el('<div class="chart" id="chart-models"></div>');
  main.append(div);
  setTimeout(() => chart(div, {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 60, right: 60, top: 40, bottom: 90 },
    xAxis: { type: 'category', data: m.rows.map((r) => r.model), axisLabel: { rotate: 25, fontSize: 10 } },
    yAxis: [{ type: 'value', name: 'USD' }, { type: 'value', name: 'ms' }],
    series: [{ name: 'cost', type: 'bar', data: m.rows.map((r) => Number(r.cost_usd)) },
      { name: 'p99 latency', type: 'line', yAxisIndex: 1, data: m.rows.map((r) => r.latency_p99_ms) }],
  }), 0);
  main.append(el('<h2>Models</h2>'));
  main.append(sortableTable('models-table', MODEL_COLUMNS, m.rows, 'cost_usd'));
  main.append(el(`<p class="note">Latency: ${esc(m.latency)}.</p>`));
}

function scopeLink(a) {
  const q = new URLSearchParams();
  q.set('from', a.window_start);
  q.set('to', a.window_end);
  const scope = a.scope || 'global';
  if (scope.startsWith('tag:')) q.set('tag', scope.slice(4) + ':' + a.scope_key);
  else if (['account', 'model', 'caller', 'app'].includes(scope)) q.set(scope, a.scope_key);
  if (a.account_id && scope !== 'account') q.set('account', a.account_id);
  q.set('by', scope === 'global' || scope.startsWith('tag:') ? 'model' : scope === 'model' ? 'caller' : 'model');
  return '/spend?' + q.toString();
}

async function alertsPage(main) {
  const a = await api('alerts');
  main.innerHTML = '';
  const s = a.by_status;
  main.append(el('<div class="cards">' + card('alerts-count', 'Alerts', a.alerts.length, int(a.alerts.length)) +
    card('alerts-delivered', 'Delivered', s.delivered || 0, int(s.delivered || 0)) +
    card('alerts-failed', 'Failed', s.failed || 0, int(s.failed || 0)) +
    card('alerts-suppressed', 'Suppressed', s.suppressed || 0, int(s.suppressed || 0)) + '</div>'));
  if (!a.alerts.length) { main.append(el(empty('No alerts fired in this range.'))); return; }
  const list = el('<ul class="feed" id="alerts-feed"></ul>');
  a.alerts.forEach((x) => list.append(el(`<li class="${esc(String(x.delivery_status).toLowerCase())}">` +
    `<span class="badge">${esc(x.severity)}</span><span class="badge">${esc(x.delivery_status)}</span>` +
    `<a href="${esc(scopeLink(x))}">${esc(x.subject)}</a>` +
    `<div class="meta">fired ${esc(when(x.fired_at))} · rule ${esc(x.rule_id)} · ${esc(x.scope)} ${esc(x.scope_key)} · ` +
    `window ${esc(x.window)} from ${esc(when(x.window_start))} · ${esc(x.metric)} ${esc(x.observed_value)} ≥ ${esc(x.threshold)}` +
    (x.delivery_error ? ` · <span class="error">${esc(x.delivery_error)}</span>` : '') + '</div></li>')));
  main.append(list);
}

// ---- Amazon Q Developer: its own filters (month, account, user), read from /api/qdeveloper ----
const Q_FILTERS = ['month', 'account', 'user'];
// a limit cell: used / limit and the share, sorted by the share (data-value)
const qLimit = (used, limit) => (v, r) => (v === null || v === undefined ? '–'
  : `${int(r[used])} / ${int(r[limit])} · ${esc(v)} %`);
const Q_COLUMNS = [['user_id', 'User', 's'], ['account_id', 'Account', 's'], ['chat_events', 'Chat', 'int'],
  ['inline_events', 'Inline', 'int'], ['est_input_tokens', 'Est. input tokens', 'int'],
  ['est_output_tokens', 'Est. output tokens', 'int'], ['inline_acceptance_rate', 'Inline accepted', 'pct'],
  ['dev_uses_pct', '/dev uses of limit', qLimit('dev_uses', 'dev_uses_limit')],
  ['transformation_pct', 'Transform lines of limit', qLimit('transformation_lines', 'transformation_lines_limit')],
  ['context_window_pct', 'Largest conversation of context window',
    qLimit('max_conversation_tokens', 'context_window_limit')]];

function qFilterBar(q) {
  const p = params();
  const select = (name, label, values, current, all) => `<label>${esc(label)} <select name="${name}">` +
    (all ? '<option value="">all</option>' : '') +
    [...new Set(values.concat(current ? [current] : []))].map((v) =>
      `<option${v === current ? ' selected' : ''}>${esc(v)}</option>`).join('') + '</select></label>';
  const form = el('<form id="q-filters" class="filters" autocomplete="off">' +
    select('month', 'Month', q.months, q.month, false) +
    select('account', 'Account', q.accounts, p.get('account') || '', true) +
    select('user', 'User', q.users, p.get('user') || '', true) +
    '<button type="submit">Apply</button></form>');
  form.onsubmit = (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    Q_FILTERS.forEach((k) => { if (form[k].value) next.set(k, form[k].value); });
    location.search = next.toString();
  };
  return form;
}

async function qdeveloperPage(main) {
  const p = params();
  const query = new URLSearchParams();
  Q_FILTERS.forEach((k) => { if (p.get(k)) query.set(k, p.get(k)); });
  const res = await fetch('/api/qdeveloper?' + query.toString());
  const q = await res.json();
  if (!res.ok) throw new Error(q.error || res.statusText);
  main.innerHTML = '';
  main.append(qFilterBar(q));
  if (!q.rows.length) {
    main.append(el(empty(q.has_data ? 'No Amazon Q Developer use in ' + q.month + ' for these filters.'
      : 'No Amazon Q Developer data in this warehouse. Turn on Q Developer prompt logging and point the job at ' +
        'the logs (docs/q-developer.md).')));
    return;
  }
  const t = q.totals;
  main.append(el('<div class="cards">' + card('q-users', 'Users', t.users, int(t.users)) +
    card('q-chat', 'Chat', t.chat_events, int(t.chat_events)) +
    card('q-inline', 'Inline', t.inline_events, int(t.inline_events)) +
    card('q-dev', '/dev uses', t.dev_events, int(t.dev_events)) +
    card('q-input', 'Est. input tokens', t.input_tokens, int(t.input_tokens)) +
    card('q-output', 'Est. output tokens', t.output_tokens, int(t.output_tokens)) + '</div>'));
  main.append(el('<h2>Per day and kind</h2>'));
  const div = el('<div class="chart" id="chart-qdeveloper"></div>');
  main.append(div);
  setTimeout(() => chart(div, {
    tooltip: { trigger: 'axis' }, legend: { top: 0 },
    xAxis: { type: 'category', data: q.daily.days },
    yAxis: { type: 'value', name: 'events' },
    series: [['chat_events', 'chat'], ['inline_events', 'inline'], ['dev_events', '/dev']].map(([k, name]) =>
      ({ name, type: 'bar', stack: 'events', data: q.daily[k] })),
  }), 0);
  main.append(el('<h2>Users in ' + esc(q.month) + ' against their limits</h2>'));
  main.append(sortableTable('q-table', Q_COLUMNS, q.rows, 'dev_uses_pct'));
  main.append(el('<p class="note">Tokens are estimates. Limits: as written by the job (docs/q-developer.md); ' +
    '/dev uses and transformation lines per month, the context window per conversation.</p>'));
  main.append(el('<h2>Q alerts</h2>'));
  if (!q.alerts.length) { main.append(el(empty('No Q Developer alerts in ' + q.month + '.'))); return; }
  const list = el('<ul class="feed" id="q-alerts"></ul>');
  q.alerts.forEach((x) => list.append(el(`<li class="${esc(String(x.delivery_status).toLowerCase())}">` +
    `<span class="badge">${esc(x.severity)}</span><span class="badge">${esc(x.delivery_status)}</span>` +
    `${esc(x.subject)}<div class="meta">fired ${esc(when(x.fired_at))} · rule ${esc(x.rule_id)} · ${esc(x.scope_key)} · ` +
    `${esc(x.metric)} ${esc(x.observed_value)} ≥ ${esc(x.threshold)}</div></li>`)));
  main.append(list);
}

// page functions end in Page: a global named top would clash with window.top
const PAGES = { overview: overviewPage, spend: spendPage, top: topPage, models: modelsPage, alerts: alertsPage,
  qdeveloper: qdeveloperPage };

// ---- filters, status, live updates ----
function fillSelect(name, values) {
  const sel = document.querySelector(`#filters [name=${name}]`);
  const current = params().get(name) || '';
  sel.innerHTML = '<option value="">all</option>' + values.map((v) => `<option>${esc(v)}</option>`).join('');
  if (current && !values.includes(current)) sel.append(el(`<option>${esc(current)}</option>`));
  sel.value = current;
}

function setupFilters() {
  const form = document.getElementById('filters');
  ['account', 'model', 'app', 'caller'].forEach((k) => fillSelect(k, meta[k + 's'] || []));
  const p = params();
  form.from.value = (p.get('from') || meta.default_from).slice(0, 10);
  form.to.value = (p.get('to') || meta.default_to).slice(0, 10);
  form.tag.value = p.get('tag') || '';
  const list = document.getElementById('tag-values');
  list.innerHTML = Object.entries(meta.tags || {}).flatMap(([k, vs]) => vs.map((v) => `<option value="${esc(k + ':' + v)}">`)).join('');
  form.onsubmit = (e) => {
    e.preventDefault();
    const q = params();
    FILTERS.forEach((k) => { const v = form[k].value; if (v) q.set(k, v); else q.delete(k); });
    location.search = q.toString();
  };
  document.getElementById('reset').onclick = (e) => { e.preventDefault(); location.search = ''; };
  document.querySelectorAll('#nav a').forEach((a) => {
    a.classList.toggle('active', a.dataset.page === PAGE);
    a.href = a.getAttribute('href').split('?')[0] + (filterQuery() ? '?' + filterQuery() : '');
  });
}

function setStatus(text, live) {
  const s = document.getElementById('status');
  s.textContent = text;
  s.classList.toggle('live', !!live);
}

async function render() {
  const main = document.getElementById('main');
  charts.splice(0).forEach((c) => c.dispose());
  try {
    meta = await (await fetch('/api/meta')).json();
    setupFilters();
    shownVersion = meta.version;
    // the Q Developer page has its own filters and its own empty state
    document.getElementById('filters').hidden = PAGE === 'qdeveloper';
    if (!meta.has_data && PAGE !== 'qdeveloper') {
      main.innerHTML = empty('No usage data in this warehouse yet. Start the job (local-cluster/bin/run-local) ' +
        'and this page fills in by itself.');
    } else {
      await PAGES[PAGE](main);
    }
    setStatus('Data up to ' + when(meta.data_up_to) + (meta.last_error ? ' · read error: ' + meta.last_error : ''), true);
    document.body.dataset.loaded = String(meta.version);
    markPainted();
  } catch (e) {
    main.innerHTML = `<div class="empty error" data-error="true">${esc(e.message)}</div>`;
    document.body.dataset.loaded = 'error';
  }
}

function listen() {
  const events = new EventSource('/api/events');
  events.addEventListener('version', (e) => {
    if (shownVersion !== null && Number(e.data) !== shownVersion) render();
  });
  events.onerror = () => setStatus('reconnecting…', false);
  // Close the stream when leaving: browsers allow six connections per host, and streams of pages already left
  // would otherwise hold them until the server next writes (the seventh page load then stalled for a minute).
  window.addEventListener('pagehide', () => events.close());
}

window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
render().then(listen);
