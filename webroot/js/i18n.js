// Chinese first, English second: the page's words, and the scenario's own names (name / nameEn).

const WORDS = {
  zh: {
    appName: 'Drillboard 演练看板',
    live: '实时', reconnecting: '重新连接中…', offline: '未连接', replay: '回放',
    state_created: '未开始', state_running: '进行中', state_paused: '已暂停', state_ended: '已结束',
    speed: '倍速', simClock: '演练时间',
    kpiSinceStart: '距首个事件', kpiOpen: '进行中任务', kpiOverdue: '超时任务', kpiDone: '已完成任务',
    panelLatency: '各小组响应与完成时长(分钟)', panelProgress: '各小组任务进度', panelOpinion: '模拟舆情声量(条/分钟)',
    panelTimeline: '事件时间线', panelCriteria: '评估指标',
    response: '响应时长', completion: '完成时长', deadline: '时限',
    negative: '负面', neutral: '中性', positive: '正面', peak: '峰值',
    task_waiting: '未触发', task_pending: '待响应', task_acknowledged: '已确认', task_in_progress: '处理中',
    task_done: '已完成', overdue: '超时',
    status_pending: '待测', status_running: '计时中', status_met: '达标', status_missed: '未达标',
    target: '目标', value: '实际',
    pickDrill: '选择演练', noDrills: '暂无演练。请在指挥台创建。', noToken: '需要令牌:请使用带 token 的链接打开本页。',
    ev_drill_created: '创建演练', ev_drill_started: '演练开始', ev_drill_paused: '演练暂停', ev_drill_resumed: '演练继续',
    ev_drill_speed_changed: '调整倍速', ev_drill_ended: '演练结束', ev_inject_fired: '情景注入',
    ev_task_triggered: '任务下达', ev_task_acknowledged: '任务确认', ev_task_started: '开始处理',
    ev_task_completed: '任务完成', ev_task_overdue: '任务超时', ev_opinion_sampled: '舆情采样', external: '外部事件',
    end_stopped: '指挥员停止演练', 'end_scenario-end': '到达演练结束时间',
    language: 'English',
  },
  en: {
    appName: 'Drillboard',
    live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline', replay: 'Replay',
    state_created: 'Not started', state_running: 'Running', state_paused: 'Paused', state_ended: 'Ended',
    speed: 'Speed', simClock: 'Drill time',
    kpiSinceStart: 'Since first inject', kpiOpen: 'Open tasks', kpiOverdue: 'Overdue tasks', kpiDone: 'Tasks done',
    panelLatency: 'Response and completion per team (minutes)', panelProgress: 'Team progress',
    panelOpinion: 'Simulated public opinion (posts per minute)', panelTimeline: 'Timeline', panelCriteria: 'Criteria',
    response: 'Response', completion: 'Completion', deadline: 'Deadline',
    negative: 'Negative', neutral: 'Neutral', positive: 'Positive', peak: 'Peak',
    task_waiting: 'Waiting', task_pending: 'Pending', task_acknowledged: 'Acknowledged', task_in_progress: 'In progress',
    task_done: 'Done', overdue: 'Overdue',
    status_pending: 'Pending', status_running: 'Running', status_met: 'Met', status_missed: 'Missed',
    target: 'Target', value: 'Actual',
    pickDrill: 'Choose a drill', noDrills: 'No drills yet. Create one in the director console.',
    noToken: 'A token is needed: open this page with a link that carries one.',
    ev_drill_created: 'Drill created', ev_drill_started: 'Drill started', ev_drill_paused: 'Drill paused',
    ev_drill_resumed: 'Drill resumed', ev_drill_speed_changed: 'Speed changed', ev_drill_ended: 'Drill ended',
    ev_inject_fired: 'Inject', ev_task_triggered: 'Task assigned', ev_task_acknowledged: 'Task acknowledged',
    ev_task_started: 'Task started', ev_task_completed: 'Task done', ev_task_overdue: 'Task overdue',
    ev_opinion_sampled: 'Opinion sample', external: 'External event',
    end_stopped: 'Stopped by the director', 'end_scenario-end': 'The scenario\'s end time was reached',
    language: '中文',
  },
};

const LANG_KEY = 'drillboard.lang';
let current = new URL(window.location.href).searchParams.get('lang') || localStorage.getItem(LANG_KEY) || 'zh';
if (!WORDS[current]) current = 'zh';
const listeners = [];

export function lang() {
  return current;
}

export function t(key) {
  return WORDS[current][key] ?? WORDS.zh[key] ?? key;
}

/** The scenario's text in the current language: obj.name or obj.nameEn (falls back to Chinese). */
export function pick(obj, field) {
  if (!obj) return '';
  const english = obj[`${field}En`];
  return current === 'en' && english ? english : obj[field] ?? '';
}

/** Sets every [data-i18n] element's text from the dictionary. */
export function translate(root = document) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

export function toggleLanguage() {
  current = current === 'zh' ? 'en' : 'zh';
  localStorage.setItem(LANG_KEY, current);
  translate();
  listeners.forEach((listener) => listener(current));
}

/** Wires a button that switches language; its label names the other language. */
export function languageButton(button) {
  const label = () => { button.textContent = t('language'); };
  label();
  button.addEventListener('click', () => { toggleLanguage(); label(); });
}
