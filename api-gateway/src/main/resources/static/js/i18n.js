// Words of the dashboard in Chinese (the default) and English. Enum values from the API are shown
// through label(); free text from the data (town names, notes) is shown as it is.
const WORDS = {
  zh: {
    appTitle: '晋城市乡镇专职消防队建设管理', login: '登录', logout: '退出', username: '用户名', password: '密码',
    loginFailed: '用户名或密码错误', sessionExpired: '登录已过期，请重新登录；已填写的内容会保留。',
    overview: '全市概览', supervision: '督办清单', report: '验收报告', imports: '批量导入', language: 'English',
    county: '县（市、区）', level: '等级', mode: '建设形式', all: '全部', brigades: '支队伍', total: '合计',
    progress: '建设进度', compliance: '达标情况', compliant: '达标', notCompliant: '未达标', noRules: '暂不适用',
    overdue: '逾期', overdueCount: '逾期节点', accepted: '已验收', phaseChart: '各阶段进度', town: '乡镇',
    housing: '营房', floorArea: '建筑面积（㎡）', siteArea: '占地面积（㎡）', garageBays: '车库（个）', rooms: '功能用房',
    partner: '联建单位（方案拟定）', base: '依托力量', notes: '备注', save: '保存', cancel: '取消', add: '添加', edit: '编辑', reload: '重新加载',
    vehicles: '消防车辆', equipment: '器材装备', staff: '专职消防员', funding: '经费保障', checks: '达标检查',
    milestones: '建设节点', audit: '变更记录', inspections: '验收检查', type: '类型', plate: '车牌号', status: '状态',
    itemCode: '器材', quantity: '数量', expiresOn: '有效期至', name: '姓名', employment: '用工形式',
    startDate: '入职日期', year: '年度', amountYuan: '金额（元）', source: '来源', rule: '规则', required: '要求',
    actual: '实际', met: '结果', standard: '标准版本', dueDate: '计划完成', submit: '提交', evidence: '佐证材料',
    decision: '审核', accept: '通过', reject: '退回', comment: '意见', stage: '验收层级', result: '结论',
    overrideReason: '不达标仍通过的理由', inspector: '检查人', at: '时间', actor: '操作人', action: '操作',
    equipmentCheck: '器材检查', drill: '战备演练', date: '日期', passed: '合格', finding: '检查结果',
    workingQuantity: '完好数量', download: '下载', downloadCsv: '下载 CSV', downloadXlsx: '下载 Excel',
    downloading: '正在生成…', outcome: '验收结论', activeCount: '在岗人数', conflict: '该记录已被他人修改。',
    conflictReload: '重新加载最新数据', saved: '已保存', notAllowed: '无权限执行此操作', loading: '加载中…',
    backToOverview: '返回概览', asOf: '截至', daysOverdue: '逾期天数', noOverdue: '没有逾期节点',
    uploadFile: '选择文件（CSV 或 Excel）', kind: '类型', template: '下载模板', dryRun: '仅校验不保存',
    validRows: '只保存有效行', uploading: '正在上传', rowsStored: '已保存行数', row: '行', column: '列',
    unavailable: '服务暂不可用', plan: '计划', perBrigade: '每支队伍', leave: '离职', remove: '删除',
    submitted: '已提交', pending: '未开始', rejected: '已退回', checkedBy: '检查人', yes: '是', no: '否',
    counties: '各县情况', summary: '汇总', catalog: '标准目录', sourceCol: '依据', sourceStatus: '依据类别',
    promoted: '市级提升为必须', payer: '按方案承担队员经费',
    fixFields: '请按提示修改以下内容后再提交。', brigadeList: '队伍',
    // the city's acceptance per county (issue 19)
    countyAcceptance: '县级验收（市级考核）', countySummary: '县级工作总结', longTermMechanism: '长效机制',
    cityOutcome: '市级验收结果', cityOutcomeNote: '市级意见', recordOutcome: '记录市级验收结果',
    assessmentScore: '年度考核得分', assessmentGrade: '年度考核等级', notRecorded: '未记录', awaitingCity: '待市级验收',
    notInspected: '未验收', cityOutcome_ACCEPTED: '通过', cityOutcome_NOT_ACCEPTED: '不通过',
    cityOutcome_RETURNED_FOR_REWORK: '退回整改', grade_EXCELLENT: '优秀', grade_GOOD: '良好', grade_PASS: '合格',
    grade_FAIL: '不合格', gradesAreOurs: '考核等级名称为本系统的理解，方案未作规定。',
    derived: '推算', derivedHint: '方案未写明此日期，由本系统推算', more: '更多', less: '收起',
    exportXlsx: '导出 13710 督办表（Excel）', exportCsv: '导出 CSV',
    // offline field capture (issue 22)
    photos: '现场照片', offline: '离线', queue: '待发送', queueTitle: '离线待发送', queueEmpty: '没有待发送的内容。',
    queueWaiting: '待发送', queueSending: '正在发送', queueAttention: '需处理',
    queuedOffline: '已保存在本机，联网后自动发送。', offlineCopy: '离线副本，数据保存于',
    queuedHere: '本队有离线保存、尚未发送的内容', sendNow: '立即发送', discard: '放弃', retry: '重新发送',
    kind_inspection: '验收检查', kind_equipmentCheck: '器材检查', kind_housing: '营房修改',
    status_pending: '等待联网', status_conflict: '冲突：他人已修改', status_refused: '被拒绝',
    conflictTitle: '该记录在您离线期间已被他人修改，请选择保留哪个版本（不会自动覆盖）。',
    mine: '我的（离线填写）', theirs: '服务器上的当前版本', field: '项目', keepMine: '保留我的', takeTheirs: '采用服务器版本',
    photoRefused: '照片被拒绝', recordRefused: '记录被拒绝', photoSent: '已上传', photoWaiting: '待上传',
    recordSent: '记录已保存', savedWithRefusedPhotos: '记录已保存，但有照片被拒绝，请在“待发送”中处理。',
    removePhoto: '放弃此照片', installHint: '可安装到手机桌面，无信号时也能打开已看过的队伍。',
    evidence: '佐证材料', delete: '删除', attachFile: '上传照片或文件', uploadRefused: '未能上传', deleteEvidence: '删除这份佐证材料？（删除记入变更记录）',
    openPhoto: '查看大图', close: '关闭',
    takeOffline: '离线保存队伍资料', takeOfflineCounty: '保存本县全部队伍，无信号时也能打开',
    takeOfflineShown: '保存当前筛选出的队伍，无信号时也能打开', takeOfflineSaving: '正在保存',
    takeOfflineDone: '已离线保存', takeOfflineAt: '更新于', takeOfflineNever: '尚未离线保存',
    takeOfflineTooMany: '一次最多离线保存 50 支队伍，请先按县（市、区）或等级筛选。当前筛选出：',
    takeOfflineFailed: '未能保存', takeOfflineNeedsSignal: '离线保存需要网络连接。',
    loginOffline: '当前没有网络，登录需要连接。离线保存的内容和待发送的记录都保留在本机，联网后登录即可发送。',
  },
  en: {
    appTitle: 'Jincheng township fire brigades', login: 'Log in', logout: 'Log out', username: 'User name',
    password: 'Password', loginFailed: 'Wrong user name or password',
    sessionExpired: 'Your session expired. Please log in again; what you typed is kept.',
    overview: 'City overview', supervision: 'Supervision', report: 'Acceptance report', imports: 'Bulk import',
    language: '中文', county: 'County', level: 'Level', mode: 'Construction form', all: 'All', brigades: 'brigades',
    total: 'Total', progress: 'Progress', compliance: 'Compliance', compliant: 'Compliant',
    notCompliant: 'Not compliant', noRules: 'No rules apply', overdue: 'Overdue', overdueCount: 'Overdue milestones',
    accepted: 'Accepted', phaseChart: 'Progress by phase', town: 'Town', housing: 'Housing',
    floorArea: 'Floor area (m²)', siteArea: 'Site area (m²)', garageBays: 'Garage bays', rooms: 'Rooms',
    partner: 'Partner enterprise (planned)', base: 'Built on', notes: 'Notes', save: 'Save', cancel: 'Cancel', add: 'Add', edit: 'Edit',
    reload: 'Reload', vehicles: 'Vehicles', equipment: 'Equipment', staff: 'Firefighters', funding: 'Funding',
    checks: 'Compliance checks', milestones: 'Milestones', audit: 'History', inspections: 'Acceptance inspections',
    type: 'Type', plate: 'Plate', status: 'Status', itemCode: 'Item', quantity: 'Quantity', expiresOn: 'Expires on',
    name: 'Name', employment: 'Employment', startDate: 'Start date', year: 'Year', amountYuan: 'Amount (yuan)',
    source: 'Source', rule: 'Rule', required: 'Required', actual: 'Actual', met: 'Result', standard: 'Standard',
    dueDate: 'Due', submit: 'Submit', evidence: 'Evidence', decision: 'Decision', accept: 'Accept',
    reject: 'Reject', comment: 'Comment', stage: 'Stage', result: 'Result',
    overrideReason: 'Reason to pass although not compliant', inspector: 'Inspector', at: 'When', actor: 'Who',
    action: 'Action', equipmentCheck: 'Equipment check', drill: 'Readiness drill', date: 'Date', passed: 'Passed',
    finding: 'Finding', workingQuantity: 'Working quantity', download: 'Download', downloadCsv: 'Download CSV',
    downloadXlsx: 'Download Excel', downloading: 'Preparing…', outcome: 'Outcome', activeCount: 'Active',
    conflict: 'Someone else changed this record.', conflictReload: 'Reload the latest data', saved: 'Saved',
    notAllowed: 'You may not do this', loading: 'Loading…', backToOverview: 'Back to the overview', asOf: 'As of',
    daysOverdue: 'Days overdue', noOverdue: 'No overdue milestones', uploadFile: 'File (CSV or Excel)',
    kind: 'Kind', template: 'Download template', dryRun: 'Check only, store nothing', validRows: 'Store the valid rows only',
    uploading: 'Uploading', rowsStored: 'Rows stored', row: 'Row', column: 'Column', unavailable: 'Service unavailable',
    plan: 'Plan', perBrigade: 'per brigade', leave: 'Leaves', remove: 'Remove', submitted: 'Submitted',
    pending: 'Not started', rejected: 'Rejected', checkedBy: 'Checked by', yes: 'Yes', no: 'No',
    counties: 'Counties', summary: 'Summary', catalog: 'Catalog', sourceCol: 'Source', sourceStatus: 'Basis',
    promoted: 'made required by the city', payer: 'Firefighter funding paid by (plan)',
    fixFields: 'Please correct the fields marked below.', brigadeList: 'Brigades',
    // the city's acceptance per county (issue 19)
    countyAcceptance: 'County acceptance (by the city)', countySummary: 'County summary',
    longTermMechanism: 'Long-term mechanism', cityOutcome: "City's outcome", cityOutcomeNote: "City's note",
    recordOutcome: "Record the city's outcome", assessmentScore: 'Annual assessment score',
    assessmentGrade: 'Annual assessment grade', notRecorded: 'Not recorded', awaitingCity: 'Awaiting city',
    notInspected: 'Not inspected', cityOutcome_ACCEPTED: 'Accepted', cityOutcome_NOT_ACCEPTED: 'Not accepted',
    cityOutcome_RETURNED_FOR_REWORK: 'Returned for rework', grade_EXCELLENT: 'Excellent', grade_GOOD: 'Good',
    grade_PASS: 'Pass', grade_FAIL: 'Fail',
    gradesAreOurs: 'The grade names are our reading; the plan does not define them.',
    derived: 'derived', derivedHint: 'The plan gives no such date; this system derived it', more: 'More', less: 'Less',
    exportXlsx: 'Export for 13710 (Excel)', exportCsv: 'Export CSV',
    photos: 'Photos on site', offline: 'Offline', queue: 'To send', queueTitle: 'Waiting to be sent',
    queueEmpty: 'Nothing is waiting to be sent.', queueWaiting: 'To send', queueSending: 'Sending',
    queueAttention: 'Needs you', queuedOffline: 'Saved on this device; it is sent when the connection returns.',
    offlineCopy: 'Offline copy, data stored at', queuedHere: 'This brigade has work saved offline, not yet sent',
    sendNow: 'Send now', discard: 'Discard', retry: 'Send again',
    kind_inspection: 'Acceptance inspection', kind_equipmentCheck: 'Equipment check', kind_housing: 'Housing change',
    status_pending: 'Waiting for a connection', status_conflict: 'Conflict: changed by someone else', status_refused: 'Refused',
    conflictTitle: 'Someone else changed this record while you were offline. Choose which version to keep (nothing is overwritten without you).',
    mine: 'Mine (made offline)', theirs: 'Current on the server', field: 'Field', keepMine: 'Keep mine', takeTheirs: 'Take theirs',
    photoRefused: 'Photo refused', recordRefused: 'Record refused', photoSent: 'Uploaded', photoWaiting: 'To upload',
    recordSent: 'Record stored', savedWithRefusedPhotos: 'The record is stored, but a photo was refused: see "To send".',
    removePhoto: 'Discard this photo', installHint: 'Install it on the phone: brigades opened once open again without signal.',
    evidence: 'Evidence', delete: 'Delete', attachFile: 'Attach a photo or document', uploadRefused: 'Not uploaded',
    deleteEvidence: 'Delete this evidence? (The deletion is kept in the history.)',
    openPhoto: 'Open the photo', close: 'Close',
    takeOffline: 'Take brigades offline', takeOfflineCounty: 'Save all brigades of the county to open them without signal',
    takeOfflineShown: 'Save the brigades shown to open them without signal', takeOfflineSaving: 'Saving',
    takeOfflineDone: 'Saved for offline use', takeOfflineAt: 'updated', takeOfflineNever: 'Not saved for offline use yet',
    takeOfflineTooMany: 'At most 50 brigades can be taken offline at once; filter by county or level first. Shown now:',
    takeOfflineFailed: 'Not saved', takeOfflineNeedsSignal: 'Taking brigades offline needs a connection.',
    loginOffline: 'No connection: signing in needs one. What was saved for offline use and the actions waiting stay on this device; sign in once online to send them.',
  },
};

const LABELS = {
  zh: {
    LEVEL_ONE: '一级', LEVEL_TWO: '二级', SELF_BUILT: '政府自筹建设', JOINT_ENTERPRISE: '政府与企业联建',
    ADAPTED: '因地制宜建设', DEFERRED: '暂不建设', EXISTING: '已建标杆', PENDING: '未开始', SUBMITTED: '已提交', ACCEPTED: '已通过',
    REJECTED: '已退回', IN_SERVICE: '在用', OUT_OF_SERVICE: '停用', LABOUR_DISPATCH: '劳务派遣', CONTRACT: '合同制',
    CAREER: '在编', COUNTY: '县级验收', CITY: '市级验收', PASS: '通过', FAIL: '不通过', UNAVAILABLE: '无法获取',
    COUNTY_FINANCE: '县级财政', TOWNSHIP: '乡镇财政', ENTERPRISE: '企业', OTHER: '其他',
    PLAN: '方案', STANDARD_VERIFIED: '标准（已核实）', REFERENCE: '参考', EARLIER_STANDARD: '旧标准',
    PRODUCT_DECISION: '本系统设定',
    PRESENT: '完好', DEFECTIVE: '损坏', EXPIRED: '过期', MISSING: '缺失', REQUIRED: '必须', ADVISORY: '建议',
    HOUSING: '营房', VEHICLES: '车辆', EQUIPMENT: '器材', STAFFING: '人员', FUNDING: '经费', READINESS: '战备',
    CITY_ADMIN: '市级管理员', CITY_INSPECTOR: '市级验收员', FIRE_DEPT: '消防救援部门', COUNTY_CLERK: '县级填报员',
    COMMS_DUTY_ROOM: '通信值班室', STANDBY_ROOM: '备勤室', EQUIPMENT_STORE: '器材库', DORMITORY: '宿舍',
    CANTEEN: '食堂', TRAINING_ROOM: '训练室', OFFICE: '办公室', BATHROOM: '卫生间', LAUNDRY_DRYING_ROOM: '洗衣晾衣间',
    FITNESS_ROOM: '健身房', FIRE_SAFETY_OFFICE: '消防安全办公室', EDUCATION_ROOM: '消防宣传教育室', FULL: '完整标准',
    REDUCED: '简化标准', brigades: '队站', vehicles: '消防车辆', equipment: '器材装备', firefighters: '专职消防员',
    MILESTONE_SUBMISSION: '建设节点', VEHICLE: '车辆', EQUIPMENT_CHECK: '器材检查', DRILL: '拉动演练',
    INSPECTION: '验收检查', COUNTY_ACCEPTANCE: '县级验收',
  },
  en: {
    STANDARD_VERIFIED: 'verified standard', REFERENCE: 'by reference', PRODUCT_DECISION: 'our decision',
    TOWNSHIP: 'township finance',
    SELF_BUILT: 'self-built by township', JOINT_ENTERPRISE: 'joint with enterprise', ADAPTED: 'adapted (reduced standard first)',
    DEFERRED: 'deferred', EXISTING: 'existing benchmark',
  },
};

let language = localStorage.getItem('language') === 'en' ? 'en' : 'zh';

export function lang() {
  return language;
}

export function setLang(next) {
  language = next;
  localStorage.setItem('language', next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

export function t(key) {
  return WORDS[language][key] ?? WORDS.zh[key] ?? key;
}

/** An API enum value in words; English shows the value itself in lower case. */
export function label(value) {
  if (value == null) return '';
  if (language === 'zh') return LABELS.zh[value] ?? value;
  return LABELS.en[value] ?? String(value).toLowerCase().replaceAll('_', ' ');
}

/**
 * What the brigade's partner field is, by construction form: the enterprise a joint-built brigade
 * may build with (the plan allows it, nothing is signed yet), or the force an adapted brigade is
 * built on (a police station, say).
 */
export function partnerLabel(mode) {
  return mode === 'ADAPTED' ? t('base') : t('partner');
}

const OUTCOMES = {
  zh: {ACCEPTED: '已验收', REJECTED: '未通过', PENDING: '待验收', DEFERRED: '暂不建设', UNAVAILABLE: '无法获取'},
};

/** An acceptance outcome in words: PENDING there means "awaiting acceptance", not "not started". */
export function outcome(value) {
  return language === 'zh' ? OUTCOMES.zh[value] ?? label(value) : label(value);
}

/** The plan writes names as "中文 (English)": the part for the current language. */
export function bilingual(text) {
  if (!text) return '';
  const open = text.lastIndexOf(' (');
  if (open < 0 || !text.endsWith(')')) return text;
  return language === 'zh' ? text.slice(0, open) : text.slice(open + 2, -1);
}

document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';

// The API's validation messages are English; these are the common shapes, in Chinese. A message
// without a shape here is shown as the API wrote it, beside the field it names.
const MESSAGE_SHAPES = [
  [/^is required(: one of (.*))?$/, (m) => (m[2] ? `必填，可选：${m[2]}` : '必填')],
  [/^must not be empty$/, () => '不能为空'],
  [/^must be at most (\d+) characters$/, (m) => `不能超过 ${m[1]} 个字符`],
  [/^must be between (\S+) and (\S+)$/, (m) => `必须在 ${m[1]} 至 ${m[2]} 之间`],
  [/^must be (?:one of )?(.+)$/, (m) => `必须是：${m[1]}`],
  [/^the compliance snapshot is not compliant: a PASS needs the reason.*$/, () => '未达标而判定通过时，必须填写理由'],
  [/^must not be before the start date.*$/, () => '不能早于入职日期'],
  [/^unknown (vehicle type|room|level|item code)\b.*$/, () => '不在标准目录中'],
  [/^duplicate (.*)$/, () => '重复'],
  [/^a file may be at most (.+)$/, (m) => `文件过大，每个文件不能超过 ${m[1]}`],
  [/^the file's content is (.+?), whatever its name says.*$/, () => '文件的实际内容与文件名不符，不能作为照片或文档上传'],
];

export function problemMessage(message) {
  if (language !== 'zh' || !message) return message;
  for (const [shape, words] of MESSAGE_SHAPES) {
    const m = shape.exec(message);
    if (m) return `${words(m)}（${message}）`;
  }
  return message;
}
