/** The pages' 使用说明 (components/HelpPanel.tsx): one line each, "\n" between lines. */
export const help = {
  'help.title': ['使用说明', 'How to use this page'],
  'help.close': ['收起使用说明', 'Close the help'],
  'help.home': [
    '“今日工作”是您辖区各项服务应做的人数，点数字打开对应的工作清单。\n“待完成的草稿”是您保存了但还没签名的服务记录，点“继续填写”补完并签名。\n右上角的搜索框在每一页都能用：输入姓名、拼音首字母、身份证号或档案编号。',
    '"Today" counts who is due in each service in your area; a number opens that worklist.\n"Drafts to finish" are the service records you saved but did not sign: "Continue" opens one to finish and sign.\nThe search box at the top works on every page: a name, its pinyin initials, an ID number or a record number.',
  ],
  'help.worklist': [
    '先选管理项目，再选清单（逾期、本周到期、本年未体检等）；数字是人数。\n点“随访”直接打开随访表，签名保存后回到这里，此人从逾期清单中移出。\n“打印”打印当天入户名单；“导出Excel”导出当前清单（身份证号、电话已脱敏）。',
    'Choose the register, then the list (overdue, due this week, no check this year …); the numbers count people.\n"Follow up" opens the form; once signed you come back here and the person leaves the overdue list.\n"Print" prints the day\'s home-visit list; "Export" saves the list as Excel (ID numbers and phones masked).',
  ],
  'help.residents': [
    '输入姓名、拼音（如 zhangsan 或 zs）、身份证号（全号或后4/6位）、电话或档案编号查找。\n用村、状态和排序缩小范围；点姓名打开档案，每次查看都会记入审计。\n管理员可导出当前查询结果（一次最多五万条）。',
    'Search by name, pinyin (zhangsan or zs), ID number (whole, or its last 4 or 6 digits), phone or record number.\nNarrow it by village, status and order; a name opens the record, and every look is audited.\nAdministrators can export the results (up to 50,000 at a time).',
  ],
  'help.residentForm': [
    '先填身份证号：号码完整后会自动填出生日期、性别，并马上查出是否已有档案，已有的不要重复建档。\n带 * 的必填；填错的项会立即标红并说明怎么改，保存时自动跳到第一处错误。\n既往史、家族史等“无”也要选上，不能空着；离开页面前没保存的内容会提示。',
    'Start with the ID number: once complete it fills in the birth date and sex, and says at once whether a record exists (do not make a second one).\nFields with * are required; a wrong value is marked at once with what to do, and saving jumps to the first error.\nChoose "none" in the histories too rather than leaving them empty; leaving with unsaved changes asks first.',
  ],
  'help.followUp': [
    '录入血压、血糖等数值后，右侧（手机上在屏幕底部）立即显示控制情况、下次随访日期和是否需要转诊。\n出现“需紧急转诊”时，“需要转诊”会自动打开，请填写转诊原因和机构。\n电话随访未联系上，选“失访”并写明原因；签名保存后返回工作清单。',
    'As you enter the readings, the control status, the next visit and any referral show beside them (at the bottom of the screen on a phone).\nWith "Emergency referral needed" the referral switch turns on: fill in the reason and where to.\nA phone call that reaches nobody: choose "Lost" and say why; signing returns you to the worklist.',
  ],
  'help.households': [
    '按户号、户主姓名（汉字、拼音或首字母）或地址的一部分查找家庭档案。\n新建家庭档案后，用“添加成员”把居民加入，并选择与户主的关系。',
    'Find a household by its number, the head\'s name (characters, pinyin or initials) or part of the address.\nAfter creating a household, "Add member" brings a resident in, with their relation to the head.',
  ],
  'help.auditLog': [
    '查看谁在什么时间查看、修改、导出了哪些档案。\n可按时间段、操作、登录名和结果筛选；点居民姓名打开该档案。',
    "See who viewed, changed or exported which records, and when.\nFilter by period, action, sign-in name and outcome; a resident's name opens the record.",
  ],
} as const satisfies Record<string, readonly [string, string]>;
