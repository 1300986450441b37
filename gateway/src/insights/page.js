// 分析视图 The insights page: every chart is one GraphQL operation against this hub's /graphql with
// the analyst's own token, shown beside the chart and openable in GraphiQL. Plain ES module, no build.
/* global echarts */

const CLASSES = ['A', 'B', 'C', 'D'];
const CLASS_COLORS = { A: '#2e7d32', B: '#1976d2', C: '#f9a825', D: '#c62828' };
const DOMAINS = {
  FOOD: '食品',
  DRUG: '药品',
  COSMETICS: '化妆品',
  MEDICAL_DEVICE: '医疗器械',
  SPECIAL_EQUIPMENT: '特种设备',
  QUALITY_SAFETY: '质量安全',
  CONSUMER_RIGHTS: '消费者权益',
  FAIR_COMPETITION: '公平竞争',
  OBSTRUCTING_ENFORCEMENT: '妨碍执法',
};
const LICENSE_KINDS = {
  SPECIAL_EQUIPMENT_PRODUCTION: '特种设备生产',
  SPECIAL_EQUIPMENT_FILLING: '移动式压力容器/气瓶充装',
  SPECIAL_EQUIPMENT_INSPECTION: '特种设备检验检测',
  FOOD_PRODUCTION: '食品生产',
  OTHER: '其他',
};
/** Department codes of the demo data; any other code is shown as it is. */
const DEPARTMENTS = {
  DJZC: '登记注册',
  XYJG: '信用监管',
  SPSC: '食品生产',
  TSSB: '特种设备',
  ZFJC: '执法稽查',
};
const TOKEN_KEY = 'insights:token';

const $ = (id) => document.getElementById(id);
const status = (text, error = false) => {
  $('status').textContent = text;
  $('status').className = error ? 'error' : '';
};

/** The token typed here, else the one saved in GraphiQL's headers pane (same origin). */
function token() {
  const typed = $('token')
    .value.trim()
    .replace(/^Bearer\s+/i, '');
  if (typed) return typed;
  try {
    const headers = JSON.parse(localStorage.getItem('graphiql:headers') ?? '{}');
    return String(headers.Authorization ?? headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  } catch {
    return '';
  }
}

async function graphql(query, variables) {
  const bearer = token();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

let divisions = [];
const divisionName = (prefix) => {
  const code = prefix.padEnd(6, '0');
  return divisions.find((d) => d.code === code)?.name ?? prefix;
};
/** Child prefixes one level down: provinces → cities (or counties of a municipality) → counties. */
function childPrefixes(prefix) {
  if (!prefix) return divisions.filter((d) => d.level === 'province').map((d) => d.code.slice(0, 2));
  if (prefix.length === 2) {
    const cities = divisions.filter((d) => d.level === 'city' && d.code.startsWith(prefix)).map((d) => d.code.slice(0, 4));
    if (cities.length) return cities;
  }
  if (prefix.length >= 6) return [];
  return divisions.filter((d) => d.level === 'county' && d.code.startsWith(prefix)).map((d) => d.code);
}

/** One chart card: title, canvas, the operation that fed it and a link opening it in GraphiQL. */
function card(id, title) {
  let section = document.querySelector(`section[data-chart="${id}"]`);
  if (!section) {
    section = document.createElement('section');
    section.className = 'chart';
    section.dataset.chart = id;
    section.innerHTML =
      '<h2></h2><div class="canvas"></div><p class="note"></p><details><summary>查询 Query</summary><pre></pre><a target="_blank">在 GraphiQL 中打开 Open in GraphiQL</a></details>';
    $('charts').append(section);
  }
  section.querySelector('h2').textContent = title;
  section.dataset.state = 'loading';
  return section;
}

function showQuery(section, query, variables) {
  section.querySelector('pre').textContent = `${query}\n\n# variables\n${JSON.stringify(variables, null, 2)}`;
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables) });
  const link = section.querySelector('a');
  link.href = `/graphiql?${params}`;
  // GraphiQL is off (production): the query stays readable, to paste into another client.
  link.hidden = document.body.dataset.graphiql === 'false';
}

function draw(section, option, points) {
  const element = section.querySelector('.canvas');
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element);
  chart.setOption(option, true);
  section.dataset.state = 'rendered';
  section.dataset.points = String(points);
  return chart;
}

async function run(section, query, variables, render) {
  showQuery(section, query, variables);
  try {
    render(await graphql(query, variables));
  } catch (error) {
    section.dataset.state = 'error';
    section.querySelector('.note').textContent = String(error.message ?? error);
    section.querySelector('.note').className = 'note error';
  }
}

const distributionFields = 'month total classes { riskClass count }';

/** 风险分布 Stacked classes per child division; a click on a bar drills one level down. */
async function riskByRegion(month, prefix) {
  const section = card('risk-by-region', `风险分类分布 Risk classes by region — ${prefix ? divisionName(prefix) : '全国'}`);
  const children = childPrefixes(prefix).slice(0, 50);
  const query = `query RiskByRegion($month: String) {\n${children
    .map((child) => `  r${child}: riskDistribution(month: $month, regionPrefix: "${child}") { ${distributionFields} }`)
    .join('\n')}\n}`;
  const variables = { month: month || null };
  await run(section, query, variables, (data) => {
    const rows = children.map((child) => ({ child, result: data[`r${child}`] }));
    const shown = rows.filter((row) => row.result.total > 0);
    const chart = draw(
      section,
      {
        tooltip: { trigger: 'axis' },
        legend: { data: CLASSES.map((c) => `${c}类`) },
        xAxis: { type: 'category', data: shown.map((row) => divisionName(row.child)), axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: 'value', name: '企业数' },
        series: CLASSES.map((c) => ({
          name: `${c}类`,
          type: 'bar',
          stack: 'classes',
          color: CLASS_COLORS[c],
          data: shown.map((row) => row.result.classes.find((k) => k.riskClass === c)?.count ?? 0),
        })),
      },
      shown.length,
    );
    const month = rows[0]?.result.month;
    section.querySelector('.note').textContent =
      `${month ?? '尚无分类'}；点击柱形下钻 click a bar to drill down${prefix ? '，双击空白处返回上级 double-click blank to go up' : ''}`;
    chart.off('click');
    chart.on('click', (event) => {
      const row = shown[event.dataIndex];
      if (row && childPrefixes(row.child).length) riskByRegion(month, row.child);
    });
    chart.getZr().off('dblclick');
    chart.getZr().on('dblclick', (event) => {
      if (!event.target && prefix)
        riskByRegion(month, prefix.length === 6 ? prefix.slice(0, 4) : prefix.length === 4 ? prefix.slice(0, 2) : '');
    });
  });
}

const previousMonth = (month) => {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
};

/** 较上月 Class counts this month against last month, and how many moved up (worse) or down. */
async function riskMovements(month, prefix) {
  const section = card('risk-movements', '较上月变化 Month-over-month movements');
  const latest = await graphql('query LatestMonth($regionPrefix: String) { riskDistribution(regionPrefix: $regionPrefix) { month } }', {
    regionPrefix: prefix || null,
  }).catch(() => null);
  const current = month || latest?.riskDistribution.month;
  if (!current) {
    section.dataset.state = 'error';
    section.querySelector('.note').textContent = '尚无分类 nothing classified yet';
    return;
  }
  const query = `query RiskMovements($month: String!, $previous: String!, $regionPrefix: String) {
  current: riskDistribution(month: $month, regionPrefix: $regionPrefix) { ${distributionFields} }
  previous: riskDistribution(month: $previous, regionPrefix: $regionPrefix) { ${distributionFields} }
  transitions: riskTransitions(month: $month, regionPrefix: $regionPrefix) { previousClass riskClass count }
}`;
  const variables = { month: current, previous: previousMonth(current), regionPrefix: prefix || null };
  await run(section, query, variables, (data) => {
    const count = (d, c) => d.classes.find((k) => k.riskClass === c)?.count ?? 0;
    // Enterprises that arrived in class c this month from a better (worse) class.
    const moved = (c, direction) =>
      data.transitions.filter((t) => t.riskClass === c && direction(t.previousClass, t.riskClass)).reduce((sum, t) => sum + t.count, 0);
    draw(
      section,
      {
        tooltip: { trigger: 'axis' },
        legend: { data: [variables.previous, current, '升级 worse', '降级 better'] },
        xAxis: { type: 'category', data: CLASSES.map((c) => `${c}类`) },
        yAxis: { type: 'value', name: '企业数' },
        series: [
          { name: variables.previous, type: 'bar', data: CLASSES.map((c) => count(data.previous, c)), color: '#90a4ae' },
          { name: current, type: 'bar', data: CLASSES.map((c) => count(data.current, c)), color: '#1976d2' },
          { name: '升级 worse', type: 'bar', data: CLASSES.map((c) => moved(c, (from, to) => to > from)), color: '#c62828' },
          {
            name: '降级 better',
            type: 'bar',
            data: CLASSES.map((c) => moved(c, (from, to) => to < from)),
            color: '#2e7d32',
          },
        ],
      },
      CLASSES.length,
    );
    section.querySelector('.note').textContent =
      `${current} vs ${variables.previous}；升级/降级：本月进入该类别的企业 worse/better: enterprises that moved into the class`;
  });
}

const isoDay = (date) => date.toISOString().slice(0, 10);
function lastMonths(count) {
  const now = new Date();
  return Array.from({ length: count }, (_, i) => {
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - i), 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    return { label: isoDay(first).slice(0, 7), from: isoDay(first), to: isoDay(last) };
  });
}

/** 处罚与名单趋势 Penalties per month by case domain (stacked) and listings per month: counts only. */
async function sanctionsTrend(prefix) {
  const section = card('sanctions-trend', '行政处罚与名单 Penalties by domain and listings per month');
  const months = lastMonths(6);
  const domains = Object.keys(DOMAINS);
  const region = prefix ? `regionCode: "${prefix}", ` : '';
  const lines = [];
  for (const [i, m] of months.entries()) {
    for (const domain of domains) {
      lines.push(
        `  p${i}_${domain}: searchPenalties(filter: { ${region}decidedFrom: "${m.from}", decidedTo: "${m.to}", caseDomains: [${domain}] }, first: 0) { totalCount }`,
      );
    }
    lines.push(
      `  a${i}: searchAbnormalOperations(filter: { ${region}listedFrom: "${m.from}", listedTo: "${m.to}" }, first: 0) { totalCount }`,
    );
  }
  const query = `query SanctionsTrend {\n${lines.join('\n')}\n}`;
  await run(section, query, {}, (data) => {
    draw(
      section,
      {
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', data: [...domains.map((d) => DOMAINS[d]), '经营异常名录 listings'] },
        xAxis: { type: 'category', data: months.map((m) => m.label) },
        yAxis: { type: 'value', name: '件数' },
        series: [
          ...domains.map((domain) => ({
            name: DOMAINS[domain],
            type: 'bar',
            stack: 'penalties',
            data: months.map((_, i) => data[`p${i}_${domain}`].totalCount),
          })),
          { name: '经营异常名录 listings', type: 'line', data: months.map((_, i) => data[`a${i}`].totalCount), color: '#6a1b9a' },
        ],
      },
      months.length,
    );
    section.querySelector('.note').textContent =
      '处罚按案件领域堆叠，折线为列入经营异常名录数 penalties stacked by case domain; line: abnormal-operations listings';
  });
}

/** 许可到期 Licences in force expiring within 30, 60 and 90 days, by kind (counts only). */
async function expiringLicences(prefix) {
  const section = card('expiring-licences', '90 日内到期许可 Licences expiring in the next 90 days');
  const today = new Date();
  const horizon = (days) => isoDay(new Date(today.getTime() + days * 86_400_000));
  const windows = [30, 60, 90];
  const kinds = Object.keys(LICENSE_KINDS);
  const region = prefix ? `regionCode: "${prefix}", ` : '';
  const query = `query ExpiringLicences {\n${kinds
    .flatMap((kind) =>
      windows.map(
        (days) =>
          `  k${days}_${kind}: searchLicenses(filter: { ${region}statuses: [VALID], kinds: [${kind}], expiringBefore: "${horizon(days + 1)}" }, first: 0) { totalCount }`,
      ),
    )
    .join('\n')}\n}`;
  await run(section, query, {}, (data) => {
    const cumulative = (days, kind) => data[`k${days}_${kind}`].totalCount;
    draw(
      section,
      {
        tooltip: { trigger: 'axis' },
        legend: { data: ['0–30 天', '31–60 天', '61–90 天'] },
        xAxis: { type: 'category', data: kinds.map((k) => LICENSE_KINDS[k]), axisLabel: { interval: 0, rotate: 20 } },
        yAxis: { type: 'value', name: '张数' },
        series: windows.map((days, i) => ({
          name: ['0–30 天', '31–60 天', '61–90 天'][i],
          type: 'bar',
          stack: 'expiry',
          data: kinds.map((kind) => cumulative(days, kind) - (i ? cumulative(windows[i - 1], kind) : 0)),
        })),
      },
      kinds.length,
    );
    section.querySelector('.note').textContent = `有效且在 ${horizon(90)} 前到期 in force, last day of validity by ${horizon(90)}`;
  });
}

/** 双公示及时性 On-time share per department, licences and penalties side by side (one query each subgraph). */
async function publicationTimeliness(prefix) {
  const section = card('publication-timeliness', '双公示及时性（按部门） 双公示 timeliness per department');
  const variables = prefix ? { regionPrefix: prefix } : {};
  const fields =
    'from to asOf provisional rules { code value citation { document } } departments { department total onTime late pendingOverdue pendingInTime onTimeShare medianDelayWorkingDays }';
  const query = `query PublicationTimeliness($regionPrefix: String) {
  licences: licensePublicationTimeliness(regionPrefix: $regionPrefix) { ${fields} }
  penalties: penaltyPublicationTimeliness(regionPrefix: $regionPrefix) { ${fields} }
}`;
  await run(section, query, variables, (data) => {
    const byKind = { licences: data.licences.departments, penalties: data.penalties.departments };
    const codes = [...new Set([...byKind.licences, ...byKind.penalties].map((d) => d.department))].sort();
    const label = (code) => (DEPARTMENTS[code] ? `${DEPARTMENTS[code]} ${code}` : code);
    const row = (kind, code) => byKind[kind].find((d) => d.department === code);
    const share = (kind, code) => {
      const d = row(kind, code);
      return d?.onTimeShare == null ? null : Math.round(d.onTimeShare * 1000) / 10;
    };
    const detail = (kind, code) => {
      const d = row(kind, code);
      if (!d) return '—';
      const median = d.medianDelayWorkingDays == null ? '—' : d.medianDelayWorkingDays;
      return `共 ${d.total}：按时 ${d.onTime}，逾期 ${d.late}，逾期未公示 ${d.pendingOverdue}，期限内待公示 ${d.pendingInTime}；用时中位数 ${median} 个工作日`;
    };
    const kinds = [
      ['licences', '行政许可 licences', '#1976d2'],
      ['penalties', '行政处罚 penalties', '#c62828'],
    ];
    draw(
      section,
      {
        tooltip: {
          trigger: 'axis',
          formatter: (items) =>
            [items[0]?.axisValueLabel ?? '']
              .concat(
                items.map(
                  (item) =>
                    `${item.marker}${item.seriesName} ${item.value ?? '—'}%<br/>${detail(kinds[item.seriesIndex][0], codes[item.dataIndex])}`,
                ),
              )
              .join('<br/>'),
        },
        legend: { data: kinds.map((k) => k[1]) },
        xAxis: { type: 'category', data: codes.map(label) },
        yAxis: { type: 'value', name: '按时率 %', min: 0, max: 100 },
        series: kinds.map(([kind, name, color]) => ({
          name,
          type: 'bar',
          color,
          label: { show: true, position: 'top', formatter: (p) => (p.value == null ? '' : `${p.value}%`) },
          data: codes.map((code) => share(kind, code)),
        })),
      },
      codes.length,
    );
    const rule = data.licences.rules[0];
    section.querySelector('.note').textContent =
      `决定日 ${data.licences.from} 至 ${data.licences.to}，按时率 = 按时 / (按时 + 逾期 + 逾期未公示)；期限 ${rule ? `${rule.value} 个工作日（${rule.citation.document}）` : '7 个工作日'}` +
      `${data.licences.provisional || data.penalties.provisional ? '；部分期限暂定（节假日安排未载入）' : ''} on-time share of decisions whose deadline has passed`;
  });
}

async function load() {
  const bearer = $('token').value.trim();
  if (bearer) localStorage.setItem(TOKEN_KEY, bearer);
  const month = $('month').value.trim();
  const prefix = $('region').value.trim();
  status('加载中 Loading…');
  await Promise.all([
    riskByRegion(month, prefix),
    riskMovements(month, prefix),
    sanctionsTrend(prefix),
    expiringLicences(prefix),
    publicationTimeliness(prefix),
  ]);
  const failed = document.querySelectorAll('section.chart[data-state="error"]').length;
  status(failed ? `${failed} 个图表加载失败 charts failed (token? 令牌?)` : '完成 Done', failed > 0);
}

async function start() {
  divisions = await (await fetch('/insights/divisions.json')).json();
  const params = new URLSearchParams(location.search);
  $('token').value = localStorage.getItem(TOKEN_KEY) ?? '';
  $('region').value = params.get('region') ?? '';
  $('month').value = params.get('month') ?? '';
  $('load').addEventListener('click', () => load());
  window.addEventListener('resize', () => {
    for (const element of document.querySelectorAll('.canvas')) echarts.getInstanceByDom(element)?.resize();
  });
  if (token()) await load();
  else status('请粘贴分析员令牌后加载 Paste an analyst token, then Load');
}

start();
