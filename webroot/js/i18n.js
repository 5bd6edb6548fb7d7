// Chinese first, English second: the page's words, and the scenario's own names (name / nameEn).

const WORDS = {
  zh: {
    appName: 'Drillboard 演练看板',
    live: '实时', reconnecting: '重新连接中…', offline: '未连接', replay: '回放',
    state_created: '未开始', state_running: '进行中', state_paused: '已暂停', state_ended: '已结束',
    speed: '倍速', simClock: '演练时间',
    kpiSinceStart: '距首个注入', kpiOpen: '进行中任务', kpiOverdue: '超时任务', kpiOverdueNow: '当前超时', overdueEver: '累计超时 {0}', kpiDone: '已完成任务',
    panelLatency: '各小组响应与完成时长(分钟)', panelProgress: '各小组任务进度', panelOpinion: '模拟舆情声量(条/分钟)',
    panelTimeline: '事件时间线', panelCriteria: '评估指标',
    response: '响应时长', completion: '完成时长', deadline: '时限',
    negative: '负面', neutral: '中性', positive: '正面', peak: '峰值',
    task_waiting: '未触发', task_pending: '待响应', task_acknowledged: '已确认', task_in_progress: '处理中',
    task_done: '已完成', overdue: '超时',
    status_pending: '待测', status_running: '计时中', status_met: '达标', status_missed: '未达标',
    target: '目标', value: '实际',
    pickDrill: '选择演练', noDrills: '暂无演练。请在指挥台创建。', noToken: '需要令牌:请使用带 token 的链接打开本页。',
    dayN: '第{0}天',
    pageFeed: '舆情信息流', panelFeed: '舆情信息流', allPlatformsTab: '全部', officialBadge: '官方',
    repostOf: '转发自 @{0}', replyTo: '回复 @{0}',
    feedHint: '模拟的社交媒体帖子,由演练的舆情模型按随机种子生成;银行声明以官方账号发布。',
    feedEmpty: '暂无帖子:舆情开始后,这里会显示模拟的社交媒体帖子。', feedEmptyHere: '这个平台上还没有帖子。',
    ev_drill_created: '创建演练', ev_drill_started: '演练开始', ev_drill_paused: '演练暂停', ev_drill_resumed: '演练继续',
    ev_drill_speed_changed: '调整倍速', ev_drill_ended: '演练结束', ev_inject_fired: '情景注入',
    ev_drill_broadcast: '指挥部通知', broadcastTag: '指挥部通知',
    linkName: '姓名', linkScreenName: '屏幕名称',
    injectSent: '已发布，各小组已收到。', spread_now: '立即', spread_5m: '5 分钟内', spread_10m: '10 分钟内', spread_30m: '30 分钟内',
    spread_1h: '1 小时内', spread_2h: '2 小时内',
    drillCreated: '演练已创建。', done_start: '演练已开始。', done_pause: '演练已暂停。', done_resume: '演练已继续。',
    done_stop: '演练已结束。', speedSet: '倍速已设为 {0}×。', linkIssued: '已生成：{0}',
    injectFiredNow: '已注入：{0}', archived: '已归档。', unarchived: '已取消归档。',
    issueAll: '一键生成全部链接', printLinks: '打印链接单', linkSheet: '参演链接单',
    panelBoard: '任务看板', openReport: '评估报告', dueAt: '时限', dueIn: '剩余', overdueBy: '已超 {0}',
    nextInjectIn: '{0} {1} · 还有 {2}', firedOutOfOrder: '注意：“{0}”已先于“{1}”注入，顺序与脚本不同。',
    drillName: '演练名称', drillPlace: '演练地点', showArchived: '已归档', archive: '归档', unarchive: '取消归档',
    broadcast: '向全体小组广播', broadcastSend: '发送广播', broadcastSent: '已发送，各小组工作台和大屏已显示。',
    ev_task_triggered: '任务下达', ev_task_acknowledged: '任务确认', ev_task_started: '开始处理',
    ev_task_completed: '任务完成', ev_task_overdue: '任务超时', ev_opinion_sampled: '舆情采样', external: '外部事件',
    end_stopped: '指挥员停止演练', 'end_scenario-end': '到达演练结束时间',
    // Refusals by their stable code (problem+json "code").
    problemFields: '{0}：{1}',
    'problem_invalid-fields': '填写的内容有误，未作任何更改', 'problem_bad-request': '请求无效，未作任何更改',
    'problem_scenario-invalid': '演练方案有误，未保存', 'problem_token-invalid': '访问令牌无效或已过期，请向演练指挥员索取新链接',
    problem_forbidden: '当前身份无权执行此操作', 'problem_not-found': '找不到所请求的内容',
    'problem_drill-not-found': '找不到该演练', 'problem_scenario-not-found': '找不到该演练方案',
    'problem_scenario-item-not-found': '演练方案中没有该项', 'problem_drill-ended': '演练已结束，无法再执行此操作',
    'problem_drill-not-active': '演练尚未开始或已结束', 'problem_drill-wrong-state': '演练当前状态不允许此操作',
    'problem_inject-already-fired': '该情景已注入过', 'problem_task-wrong-state': '任务当前状态不允许这一步',
    'problem_task-other-team': '该任务属于其他小组', 'problem_entry-not-current': '该记录已被更正或撤回',
    problem_conflict: '与当前状态冲突，未作更改', 'problem_too-many-requests': '请求过于频繁，请稍后再试',
    'problem_body-too-large': '内容过大', 'problem_store-unavailable': '服务器暂时不可用，请稍后再试',
    'problem_internal-error': '服务器出错，已记录',
    // The wallboard.
    wallOpinion: '模拟舆情（条/分钟）', barsAverage: '每柱 {0} 分钟均值', replayPaused: '回放已暂停',
    taskKey: '任务：', ended: '已结束',
    notLiveSince: '未连接 · 自 {0} 起', replayAt: '回放 · {0}×', kpiPosts: '舆情总量', kpiNegativeShare: '负面占比 {0}',
    kpiTasksDone: '任务完成', kpiCriteria: '评估指标', criteriaCounts: '达标 {0} · 未达标 {1}',
    criteriaOpen: '待定 {0}', pageOf: '第 {0}/{1} 页',
    responseShort: '响应 {0}', completionShort: '完成 {0}', noPosts: '暂无帖子', noPostsHint: '舆情从第一条外部帖子开始计算',
    peakAt: '峰值 {0} · {1} 条/分', postsTotal: '共 {0} 条', postsPerMinute: '条/分',
    paused: '演练已暂停', pausedHint: '指挥员已暂停演练时钟，恢复后继续',
    waitingStart: '等待指挥员开始演练', startsAt: '开始时间', firstInject: '首个情景注入', firstInjectAtStart: '开始即注入',
    firstInjectIn: '距首个情景注入', endsAtTime: '结束时间', wholeDrill: '全程约 {0}', firstInjectAfter: '开始后约 {0}', script: '演练脚本',
    teamsTaking: '参演小组', taskCount: '{0} 项任务', taskCountOne: '1 项任务', nextInject: '下一注入 {0}',
    summary: '演练总结', endedHow: '结束方式', endedAtSim: '结束于 {0}', criteriaMetCount: '达标', criteriaMissedCount: '未达标',
    criteriaOpenCount: '未判定', latencyPerTeam: '各小组平均响应与完成', responseAvg: '平均响应', completionAvg: '平均完成',
    tasksDone: '完成任务', opinionPeak: '舆情峰值', perMinute: '{0} 条/分',
    linkNoTokenTitle: '此链接缺少访问令牌',
    linkNoTokenText: '观察员大屏需要带令牌的链接。请向演练指挥员索取：指挥台 → 参演链接 → 观察员大屏。',
    linkExpiredTitle: '此链接已过期', linkExpiredText: '令牌有效期至 {0}。请向演练指挥员索取新的观察员大屏链接。',
    linkInvalidTitle: '此链接的令牌无效',
    linkInvalidText: '令牌不是这台服务器签发的（可能来自另一套 Drillboard 部署），或在复制时被截断。请向演练指挥员索取新链接。',
    linkForbiddenTitle: '此令牌无权查看这个演练', linkForbiddenText: '请向演练指挥员索取观察员大屏链接。',
    linkMalformedTitle: '链接中的演练编号不完整', linkMalformedText: '演练编号应为 d 开头的 12 位字母数字。请完整复制链接，或从演练列表中选择。',
    linkUnknownTitle: '找不到这个演练', linkUnknownText: '这台服务器上没有编号为 {0} 的演练。它可能属于另一套部署。请从演练列表中选择。',
    linkServerTitle: '暂时无法连接服务器', linkServerText: '{0} 后自动重试。如持续失败，请检查网络或联系管理员。',
    chooseFromList: '打开演练列表',
    language: 'English',
    // Console, team and evaluator pages.
    pageConsole: '演练指挥台', pageTeam: '小组工作台', pageEvaluate: '演练评估',
    roleDirector: '指挥员', roleTeam: '小组成员', roleEvaluator: '评估员', roleObserver: '观察员', roleInjector: '注入工具',
    panelCreate: '创建演练', scenario: '场景', speedHint: '1–3600,60 即每秒推进 1 分钟',
    autopilot: '自动驾驶', autopilotHint: '按原案例的时间自动推进任务', seed: '随机种子', optional: '可选',
    create: '创建演练', creating: '创建中…', refresh: '刷新',
    panelDrills: '演练列表', noScenarios: '没有可用的场景。', current: '当前',
    noDrillSelected: '请在左侧选择一个演练,或新建一个。', panelControl: '演练控制',
    start: '开始', pause: '暂停', resume: '继续', stop: '结束', apply: '应用',
    confirmStop: '确定结束本次演练吗?结束后无法继续。', simDay: '演练时段', endsAt: '结束于',
    autopilotOn: '自动驾驶已开启', autopilotOff: '人工推进',
    notDirector: '当前令牌不是指挥员令牌,控制操作会被服务器拒绝。',
    panelInjects: '情景注入', injectAt: '计划时间', injectFired: '触发时间', channel: '渠道', titleCol: '标题',
    notFired: '未触发', fireNow: '立即触发', adHoc: '临时', actions: '操作',
    contingency: '应变', held: '待命', allPlatforms: '全平台', listSep: '；',
    whenTaskOverdue: '任务“{0}”超时', whenTaskReached: '任务“{0}”{1}', whenCriterionMissed: '标准“{0}”未达成',
    whenPostsOver: '{1} {2} 内帖子超过 {0} 条', whenNegativeShareOver: '{1} {2} 内负面占比超过 {0}',
    step_triggered: '已下达', step_acknowledged: '已确认', step_started: '已开始', step_done: '已完成',
    afterDelay: '，{0} 后注入', measuredPosts: '实测 {0} 条', measuredShare: '实测 {0}',
    watching: '监视中：{0}', watchedFrom: '{0} 起监视：{1}', conditionMet: '{0} 条件满足：{1}', firesAt: '{0} 注入',
    firedByHandBefore: '已人工提前注入（条件：{0}）', heldHint: '不在时间线上，仅由指挥员手动注入',
    panelAdHoc: '临时注入', injectTitle: '标题', injectText: '内容', posts: '外部帖子数', platform: '平台',
    spread: '投放时长', spreadHint: '如 10m、1h', sendInject: '发布注入', injectsWhen: '演练开始后才能触发或发布注入。',
    platform_wechat: '微信', platform_weibo: '微博', platform_douyin: '抖音',
    channel_branch: '网点', channel_social: '社交媒体', channel_internal: '内部', channel_media: '媒体',
    channel_meeting: '会议', channel_notice: '通知',
    panelTokens: '参演链接', tokensHint: '链接中含有访问令牌,请只发给对应人员。', ttl: '有效期',
    issueLink: '生成链接', observerLink: '观察员大屏', feedLink: '舆情信息流', evaluatorLink: '评估员', copy: '复制', copied: '已复制',
    openLink: '打开',
    team: '小组', chooseTeam: '选择小组', panelTasks: '本组任务', task: '任务', state: '状态',
    ack: '确认', startTask: '开始处理', done: '完成', critical: '关键', onTime: '按时',
    timeLeft: '剩余 {0}', timeOver: '已超 {0}',
    tasksWhenRunning: '演练进行中才能更新任务状态。', readOnly: '只读:此令牌不能更新任务。',
    noTeam: '此令牌没有指定小组。', unknownTeam: '本演练中没有这个小组:{0}', pickTeam: '请选择要查看的小组。',
    panelBriefing: '情景通报', noBriefing: '暂无情景通报。', noTasks: '本组没有任务。',
    triggeredAt: '下达时间', responseMin: '响应(分钟)', completionMin: '完成(分钟)',
    panelTeamLatency: '各小组响应与完成时长', panelTaskLatency: '各任务响应与完成时长', minutesUnit: '单位:分钟',
    triggered: '已下达', acknowledged: '已确认', completed: '已完成', avg: '平均', max: '最长',
    measure: '衡量方式', measure_interval: '时间间隔', 'measure_before-peak': '先于舆情高峰',
    'measure_tasks-on-time': '任务按时完成', met: '达标', yes: '是', no: '否',
    lateTasks: '{0} 项超时', beforePeak: '早于高峰 {0}', afterPeak: '晚于高峰 {0}', noLateTasks: '无超时',
    criteriaSummary: '达标 {0} · 未达标 {1} · 待定 {2}',
    panelScoring: '评分与评语', scoringLater: '评分与评语功能将在后续版本提供。目前本页仅展示根据演练事件自动计算的时长与指标。',
    scenarioInfo: '{0}–{1} · {2} 个小组 · {3} 个注入 · {4} 项任务', workbookTitle: '场景表格 (Excel)', exportWorkbook: '导出所选场景', importWorkbook: '导入表格…', workbookHint: '导出后在 Excel 或 WPS 中编辑，再导入，即可用它创建演练。', workbookExported: '已下载 {0}', workbookImported: '已导入场景「{0}」，已在上方选中，可创建演练', workbookRefused: '表格有 {0} 处问题，未导入：', importing: '正在导入…', notIssued: '尚未生成', loading: '加载中…', validUntil: '有效至', timesMin: '用时(分钟)',
    // Evaluation, comparison and replay.
    objectives: '演练目标', criticalTasks: '关键任务', hseepHint: '按 HSEEP 标准评定每个演练目标和关键任务:',
    grade_P: '顺利完成,未遇到问题', grade_S: '完成,但遇到一些问题', grade_M: '完成,但遇到重大问题', grade_U: '未能完成',
    rating: '评定', currentRating: '当前评定', notRated: '未评定', ratingNote: '评语', notePlaceholder: '评语(可选)',
    save: '保存', saving: '保存中…', by: '记录人', saved: '已保存',
    panelNotes: '时间点笔记', noteAt: '时间', noteAtHint: '留空即当前演练时间', noteText: '内容', addNote: '添加笔记',
    noNotes: '暂无笔记。', notePinned: '笔记',
    panelLessons: '经验教训', strengths: '做得好的方面', improvements: '需要改进的方面', lessonKind: '类别',
    kind_strength: '优点', kind_improvement: '待改进', lessonText: '内容', addLesson: '添加', noLessons: '暂无。',
    panelActions: '整改措施', actionText: '措施', owner: '责任人', due: '完成期限', addAction: '添加措施',
    noActions: '暂无整改措施。',
    panelReport: '评估报告', reportHtml: '报告(中文)', reportHtmlEn: '报告(English)', reportJson: 'JSON',
    reportDocx: 'Word(中文)', reportDocxEn: 'Word(English)',
    actionState: '状态', actionState_open: '未开始', 'actionState_in-progress': '进行中', actionState_done: '已完成',
    actionState_dropped: '已取消', retract: '撤回', retractWhy: '撤回的原因（将记入评估记录）：',
    earlierActions: '以往演练未完成的整改措施', earlierActionsHint: '同一演练方案此前各次演练留下的措施：本次演练证明已落实的，请关闭并说明依据。',
    closeEarlier: '关闭', closeEarlierWhy: '本次演练如何证明这项措施已落实？', noEarlierActions: '没有以往演练留下的未完成措施。',
    reportCsv: '事件 CSV', openReplay: '回放', compareRuns: '多次演练对比',
    evidence: '证据', evidenceHint: '点击在回放中从这一刻看起',
    assessReadOnly: '只读:只有评估员或指挥员可以录入评定、笔记、经验教训和整改措施。',
    endedStillOpen: '演练已结束,仍可继续录入评定、笔记、经验教训和整改措施。',
    pageCompare: '演练对比', compareHint: '选择同一场景的两次或以上演练(最多 10 次)进行对比。', compare: '对比',
    chooseRuns: '请选择同一场景的两次或以上演练。', sameScenarioOnly: '只能对比同一场景的演练。',
    tooManyRuns: '最多对比 10 次演练。', selectedRuns: '已选 {0} 次', run: '第 {0} 次', change: '变化(首次→末次)',
    better: '改善', worse: '变差', unchanged: '持平', criteriaAcross: '评估指标', teamsAcross: '各小组平均时长(分钟)',
    chooseAgain: '重新选择', measureCol: '指标', runsCol: '演练',
    play: '播放', replayAgain: '重新播放', replayFinished: '回放结束', replaySeq: '事件 {0} / {1}',
    replaySpeed: '回放倍速', replaySeek: '拖动以跳转',
    ev_evaluation_rated: '评定', ev_evaluation_noted: '评估笔记', ev_evaluation_lesson: '经验教训',
    ev_evaluation_action: '整改措施',
  },
  en: {
    // Refusals by their stable code (problem+json "code").
    problemFields: '{0}: {1}',
    'problem_invalid-fields': 'Some fields are not valid; nothing was changed', 'problem_bad-request': 'The request is not valid; nothing was changed',
    'problem_scenario-invalid': 'The scenario is not valid; it was not saved', 'problem_token-invalid': 'The token is not valid or has expired: ask the director for a new link',
    problem_forbidden: 'Your role may not do this', 'problem_not-found': 'Not found',
    'problem_drill-not-found': 'No such drill', 'problem_scenario-not-found': 'No such scenario',
    'problem_scenario-item-not-found': 'The scenario has no such item', 'problem_drill-ended': 'The drill has ended',
    'problem_drill-not-active': 'The drill has not started or has ended', 'problem_drill-wrong-state': 'Not possible in the drill\'s current state',
    'problem_inject-already-fired': 'This inject has already fired', 'problem_task-wrong-state': 'Not possible in the task\'s current state',
    'problem_task-other-team': 'This task belongs to another team', 'problem_entry-not-current': 'This entry has been corrected or withdrawn',
    problem_conflict: 'In conflict with the current state; nothing was changed', 'problem_too-many-requests': 'Too many requests: try again shortly',
    'problem_body-too-large': 'Too large', 'problem_store-unavailable': 'The server is unavailable for a moment: try again shortly',
    'problem_internal-error': 'The server failed; it has been logged',
    appName: 'Drillboard',
    live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline', replay: 'Replay',
    state_created: 'Not started', state_running: 'Running', state_paused: 'Paused', state_ended: 'Ended',
    speed: 'Speed', simClock: 'Drill time',
    kpiSinceStart: 'Since first inject', kpiOpen: 'Open tasks', kpiOverdue: 'Overdue tasks', kpiOverdueNow: 'Overdue now', overdueEver: '{0} late in all', kpiDone: 'Tasks done',
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
    dayN: 'Day {0}',
    pageFeed: 'Media feed', panelFeed: 'Media feed', allPlatformsTab: 'All', officialBadge: 'Official',
    repostOf: 'Reposted from @{0}', replyTo: 'Replying to @{0}',
    feedHint: "Simulated social-media posts, drawn by the drill's opinion model from its seed; the bank's statements come from its official account.",
    feedEmpty: 'No posts yet: once opinion starts, the simulated social-media posts appear here.',
    feedEmptyHere: 'No posts on this platform yet.',
    ev_drill_created: 'Drill created', ev_drill_started: 'Drill started', ev_drill_paused: 'Drill paused',
    ev_drill_resumed: 'Drill resumed', ev_drill_speed_changed: 'Speed changed', ev_drill_ended: 'Drill ended',
    ev_drill_broadcast: 'From the director', broadcastTag: 'From the director',
    linkName: 'Name', linkScreenName: 'Screen name',
    injectSent: 'Sent: the teams have it.', spread_now: 'At once', spread_5m: 'Over 5 min', spread_10m: 'Over 10 min',
    spread_30m: 'Over 30 min', spread_1h: 'Over 1 h', spread_2h: 'Over 2 h',
    drillCreated: 'Drill created.', done_start: 'Drill started.', done_pause: 'Drill paused.', done_resume: 'Drill resumed.',
    done_stop: 'Drill ended.', speedSet: 'Speed set to {0}×.', linkIssued: 'Issued: {0}',
    injectFiredNow: 'Fired: {0}', archived: 'Archived.', unarchived: 'Back in the list.',
    issueAll: 'Issue every link', printLinks: 'Print the link sheet', linkSheet: 'Links to the drill',
    panelBoard: 'Task board', openReport: 'Report', dueAt: 'Due', dueIn: 'Left', overdueBy: '{0} over',
    nextInjectIn: '{0} {1} · in {2}', firedOutOfOrder: 'Note: "{0}" fired before "{1}", out of the script\'s order.',
    drillName: 'Drill name', drillPlace: 'Place', showArchived: 'Archived', archive: 'Archive', unarchive: 'Unarchive',
    broadcast: 'Message to every team', broadcastSend: 'Send', broadcastSent: 'Sent: the team desks and the wall show it.',
    ev_inject_fired: 'Inject', ev_task_triggered: 'Task assigned', ev_task_acknowledged: 'Task acknowledged',
    ev_task_started: 'Task started', ev_task_completed: 'Task done', ev_task_overdue: 'Task overdue',
    ev_opinion_sampled: 'Opinion sample', external: 'External event',
    end_stopped: 'Stopped by the director', 'end_scenario-end': 'The scenario\'s end time was reached',
    // The wallboard.
    wallOpinion: 'Opinion (posts/min)', barsAverage: 'bars: {0}-min average', replayPaused: 'Replay paused',
    taskKey: 'Tasks:', ended: 'Ended',
    notLiveSince: 'Not live since {0}', replayAt: 'Replay · {0}×', kpiPosts: 'Posts', kpiNegativeShare: '{0} negative',
    kpiTasksDone: 'Tasks done', kpiCriteria: 'Criteria', criteriaCounts: 'Met {0} · Missed {1}',
    criteriaOpen: 'Open {0}', pageOf: 'Page {0}/{1}',
    responseShort: 'Response {0}', completionShort: 'Done in {0}', noPosts: 'No posts yet',
    noPostsHint: 'Opinion counts from the first outside post',
    peakAt: 'Peak {0} · {1}/min', postsTotal: '{0} posts', postsPerMinute: 'posts/min',
    paused: 'Drill paused', pausedHint: 'The director has stopped the drill clock; it goes on when resumed',
    waitingStart: 'Waiting for the director to start', startsAt: 'Starts at', firstInject: 'First inject',
    firstInjectAtStart: 'as soon as it starts', firstInjectIn: 'First inject in', endsAtTime: 'Ends at',
    wholeDrill: 'The whole drill takes about {0}', firstInjectAfter: 'about {0} after the start', script: 'Script', teamsTaking: 'Teams', taskCount: '{0} tasks', taskCountOne: '1 task', nextInject: 'Next inject {0}',
    summary: 'Drill summary', endedHow: 'How it ended', endedAtSim: 'Ended at {0}', criteriaMetCount: 'Met',
    criteriaMissedCount: 'Missed', criteriaOpenCount: 'Undecided', latencyPerTeam: 'Average response and completion',
    responseAvg: 'Response', completionAvg: 'Completion', tasksDone: 'Tasks done', opinionPeak: 'Opinion peak',
    perMinute: '{0}/min',
    linkNoTokenTitle: 'This link has no access token',
    linkNoTokenText: 'The observers\' wallboard needs a link with a token. Ask the drill director: console → Participant links → Observers\' wallboard.',
    linkExpiredTitle: 'This link has expired', linkExpiredText: 'Its token was valid until {0}. Ask the drill director for a new wallboard link.',
    linkInvalidTitle: 'This link\'s token is not valid',
    linkInvalidText: 'The token was not issued by this server (it may come from another Drillboard deployment), or it was cut short when copied. Ask the drill director for a new link.',
    linkForbiddenTitle: 'This token may not show this drill', linkForbiddenText: 'Ask the drill director for an observers\' wallboard link.',
    linkMalformedTitle: 'The drill id in this link is incomplete',
    linkMalformedText: 'A drill id is a d followed by 11 letters or digits. Copy the whole link, or choose from the list of drills.',
    linkUnknownTitle: 'No such drill', linkUnknownText: 'This server has no drill {0}. It may belong to another deployment. Choose from the list of drills.',
    linkServerTitle: 'The server cannot be reached', linkServerText: 'Trying again in {0}. If this goes on, check the network or call the administrator.',
    chooseFromList: 'Open the list of drills',
    language: '中文',
    // Console, team and evaluator pages.
    pageConsole: 'Director console', pageTeam: 'Team desk', pageEvaluate: 'Evaluation',
    roleDirector: 'Director', roleTeam: 'Team member', roleEvaluator: 'Evaluator', roleObserver: 'Observer',
    roleInjector: 'Injector',
    panelCreate: 'New drill', scenario: 'Scenario', speedHint: '1–3600; 60 runs one sim minute per second',
    autopilot: 'Autopilot', autopilotHint: 'Move tasks at the times of the original case', seed: 'Seed',
    optional: 'optional', create: 'Create drill', creating: 'Creating…', refresh: 'Refresh',
    panelDrills: 'Drills', noScenarios: 'No scenario is available.', current: 'Current',
    noDrillSelected: 'Choose a drill on the left, or create one.', panelControl: 'Drill control',
    start: 'Start', pause: 'Pause', resume: 'Resume', stop: 'Stop', apply: 'Apply',
    confirmStop: 'Stop this drill? It cannot be resumed afterwards.', simDay: 'Drill window', endsAt: 'Ends at',
    autopilotOn: 'Autopilot on', autopilotOff: 'Moved by the teams',
    notDirector: 'This is not a director token: the server will refuse the controls.',
    panelInjects: 'Injects', injectAt: 'Scheduled', injectFired: 'Fired', channel: 'Channel', titleCol: 'Title',
    notFired: 'Not yet', fireNow: 'Fire now', adHoc: 'Ad hoc', actions: 'Actions',
    contingency: 'Contingency', held: 'Held', allPlatforms: 'all platforms', listSep: '; ',
    whenTaskOverdue: 'task "{0}" overdue', whenTaskReached: 'task "{0}" {1}', whenCriterionMissed: 'criterion "{0}" missed',
    whenPostsOver: 'over {0} posts on {1} within {2}', whenNegativeShareOver: 'negative share over {0} on {1} within {2}',
    step_triggered: 'set', step_acknowledged: 'acknowledged', step_started: 'started', step_done: 'done',
    afterDelay: ', fires {0} later', measuredPosts: '{0} posts counted', measuredShare: '{0} measured',
    watching: 'Watching: {0}', watchedFrom: 'Watched from {0}: {1}', conditionMet: 'Met at {0}: {1}', firesAt: 'fires at {0}',
    firedByHandBefore: 'Fired by hand before its condition ({0})', heldHint: 'Off the timeline: fired by a director only',
    panelAdHoc: 'Ad-hoc inject', injectTitle: 'Title', injectText: 'Text', posts: 'Outside posts', platform: 'Platform',
    spread: 'Spread over', spreadHint: 'e.g. 10m, 1h', sendInject: 'Send inject',
    injectsWhen: 'Injects can be fired or sent once the drill has started.',
    platform_wechat: 'WeChat', platform_weibo: 'Weibo', platform_douyin: 'Douyin',
    channel_branch: 'Branch', channel_social: 'Social media', channel_internal: 'Internal', channel_media: 'Media',
    channel_meeting: 'Meeting', channel_notice: 'Notice',
    panelTokens: 'Participant links', tokensHint: 'Each link carries an access token: send it only to the people it is for.',
    ttl: 'Valid for', issueLink: 'Create link', observerLink: 'Observers\' wallboard', feedLink: 'Media feed', evaluatorLink: 'Evaluators',
    copy: 'Copy', copied: 'Copied', openLink: 'Open',
    team: 'Team', chooseTeam: 'Choose a team', panelTasks: 'Our tasks', task: 'Task', state: 'State',
    ack: 'Acknowledge', startTask: 'Start', done: 'Done', critical: 'Critical', onTime: 'On time',
    timeLeft: '{0} left', timeOver: '{0} over',
    tasksWhenRunning: 'Tasks can only move while the drill is running.', readOnly: 'Read only: this token cannot move tasks.',
    noTeam: 'This token names no team.', unknownTeam: 'This drill has no team {0}', pickTeam: 'Choose the team to show.',
    panelBriefing: 'Briefings', noBriefing: 'No injects yet.', noTasks: 'This team has no tasks.',
    triggeredAt: 'Assigned', responseMin: 'Response (min)', completionMin: 'Completion (min)',
    panelTeamLatency: 'Response and completion per team', panelTaskLatency: 'Response and completion per task',
    minutesUnit: 'in minutes', triggered: 'Assigned', acknowledged: 'Acknowledged', completed: 'Done', avg: 'avg',
    max: 'max', measure: 'Measure', measure_interval: 'Interval', 'measure_before-peak': 'Before the opinion peak',
    'measure_tasks-on-time': 'Tasks on time', met: 'Met', yes: 'Yes', no: 'No',
    lateTasks: '{0} late', beforePeak: '{0} before the peak', afterPeak: '{0} after the peak', noLateTasks: 'none late',
    criteriaSummary: 'Met {0} · Missed {1} · Open {2}',
    panelScoring: 'Scores and notes',
    scoringLater: 'Scoring and notes will come in a later version. For now this page shows only the times and criteria computed from the drill\'s events.',
    scenarioInfo: '{0}–{1} · {2} teams · {3} injects · {4} tasks', workbookTitle: 'Scenario spreadsheet (Excel)', exportWorkbook: 'Export the chosen scenario', importWorkbook: 'Import a workbook…', workbookHint: 'Export, edit in Excel or WPS, import: the scenario is ready for a new drill.', workbookExported: 'Downloaded {0}', workbookImported: 'Imported the scenario “{0}”, chosen above: create a drill from it', workbookRefused: 'The workbook has {0} problem(s); nothing was imported:', importing: 'Importing…', notIssued: 'Not created yet', loading: 'Loading…', validUntil: 'Valid until', timesMin: 'Time taken (min)',
    // Evaluation, comparison and replay.
    objectives: 'Objectives', criticalTasks: 'Critical tasks', hseepHint: 'Rate each objective and critical task as in HSEEP:',
    grade_P: 'Performed without challenges', grade_S: 'Performed with some challenges',
    grade_M: 'Performed with major challenges', grade_U: 'Unable to be performed',
    rating: 'Rating', currentRating: 'Current rating', notRated: 'Not rated', ratingNote: 'Note',
    notePlaceholder: 'Note (optional)', save: 'Save', saving: 'Saving…', by: 'By', saved: 'Saved',
    panelNotes: 'Notes on the timeline', noteAt: 'Time', noteAtHint: 'Leave empty for the drill\'s present time',
    noteText: 'Text', addNote: 'Add note', noNotes: 'No notes yet.', notePinned: 'Note',
    panelLessons: 'Lessons learned', strengths: 'Strengths', improvements: 'Areas for improvement', lessonKind: 'Kind',
    kind_strength: 'Strength', kind_improvement: 'Improvement', lessonText: 'Text', addLesson: 'Add', noLessons: 'None yet.',
    panelActions: 'Corrective actions', actionText: 'Action', owner: 'Owner', due: 'Due', addAction: 'Add action',
    noActions: 'No corrective actions yet.',
    panelReport: 'After-action report', reportHtml: 'Report (中文)', reportHtmlEn: 'Report (English)', reportJson: 'JSON',
    reportDocx: 'Word (中文)', reportDocxEn: 'Word (English)',
    actionState: 'State', actionState_open: 'Open', 'actionState_in-progress': 'In progress', actionState_done: 'Done',
    actionState_dropped: 'Dropped', retract: 'Withdraw', retractWhy: 'Why withdraw it (kept in the record)?',
    earlierActions: 'Open actions from earlier drills', earlierActionsHint: 'Actions earlier drills of this scenario left open: close those this drill showed done, saying how.',
    closeEarlier: 'Close', closeEarlierWhy: 'How did this drill show the action done?', noEarlierActions: 'No open actions from earlier drills.',
    reportCsv: 'Events CSV', openReplay: 'Replay', compareRuns: 'Compare runs',
    evidence: 'Evidence', evidenceHint: 'Click to watch the replay from this moment',
    assessReadOnly: 'Read only: only evaluators and directors can record ratings, notes, lessons and actions.',
    endedStillOpen: 'The drill has ended; ratings, notes, lessons and actions can still be recorded.',
    pageCompare: 'Compare drills', compareHint: 'Choose two or more drills of one scenario (at most 10) to compare.',
    compare: 'Compare', chooseRuns: 'Choose two or more drills of one scenario.',
    sameScenarioOnly: 'Only drills of one scenario can be compared.', tooManyRuns: 'At most 10 drills can be compared.',
    selectedRuns: '{0} chosen', run: 'Run {0}', change: 'Change (first → last)', better: 'better', worse: 'worse',
    unchanged: 'unchanged', criteriaAcross: 'Criteria', teamsAcross: 'Average times per team (minutes)',
    chooseAgain: 'Choose again', measureCol: 'Measure', runsCol: 'Drills',
    play: 'Play', replayAgain: 'Play again', replayFinished: 'Replay finished', replaySeq: 'Event {0} / {1}',
    replaySpeed: 'Replay speed', replaySeek: 'Drag to jump',
    ev_evaluation_rated: 'Rating', ev_evaluation_noted: 'Evaluator note', ev_evaluation_lesson: 'Lesson learned',
    ev_evaluation_action: 'Corrective action',
  },
};

const LANG_KEY = 'drillboard.lang';
let current = new URL(window.location.href).searchParams.get('lang') || localStorage.getItem(LANG_KEY) || 'zh';
if (!WORDS[current]) current = 'zh';
const listeners = [];

/**
 * Adds a page's own words ({zh: {...}, en: {...}}) to the dictionary, so that each page can keep the words only it
 * uses beside its code.
 */
export function addWords(words) {
  Object.entries(words).forEach(([language, entries]) => Object.assign(WORDS[language], entries));
}

export function lang() {
  return current;
}

export function t(key) {
  return WORDS[current][key] ?? WORDS.zh[key] ?? key;
}

/** The dictionary's text for key with {0}, {1}, ... filled in. */
export function format(key, ...values) {
  return values.reduce((text, value, i) => text.replace(`{${i}}`, value), t(key));
}

/** The scenario's text in the current language: obj.name or obj.nameEn (falls back to Chinese). */
export function pick(obj, field) {
  if (!obj) return '';
  const english = obj[`${field}En`];
  return current === 'en' && english ? english : obj[field] ?? '';
}

/**
 * The scenario's short name for the wall: short / shortEn where the scenario gives them, else the full field in the
 * current language (the wall then wraps it).
 */
export function short(obj, field) {
  if (!obj) return '';
  const own = current === 'en' ? obj.shortEn : obj.short;
  return own || pick(obj, field);
}

/**
 * Like {@link short}, but a long full text without a short name is cut at its first clause (or, failing that, at
 * the limit with an ellipsis): for task and inject titles, which can be whole sentences. Teams and criteria are never
 * cut: the wall wraps them.
 */
export function brief(obj, field) {
  const text = short(obj, field);
  const limit = current === 'en' ? 32 : 16;
  const length = (value) => [...value].length;
  if (length(text) <= limit) return text;
  const clause = text.split(/[,，、;；:：(（。]/)[0].trim();
  if (length(clause) >= 4 && length(clause) <= limit) return clause;
  return `${[...text].slice(0, limit - 1).join('')}…`;
}

/** A platform's or channel's display name from the snapshot's labels ({@code kind} 'platforms' or 'channels'). */
export function label(drill, kind, id) {
  return pick(drill?.labels?.[kind]?.[id], 'name') || id;
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
