/**
 * Messages for the stable error codes of the API and of field validation, in the words a clinic worker
 * uses. Shared by the server (error bodies) and the web app (form errors).
 */
export type Lang = 'zh' | 'en';

export const ERROR_MESSAGES = {
  validation_failed: ['填写的内容有误，请按提示修改。', 'Some fields are not filled in correctly.'],
  bad_request: ['请求格式不正确。', 'The request is malformed.'],
  unauthenticated: ['请先登录。', 'Please sign in.'],
  session_expired: ['登录已过期，请重新登录。', 'Your session has expired; please sign in again.'],
  invalid_credentials: ['用户名或密码错误。', 'Wrong user name or password.'],
  account_locked: ['账号已被锁定，请稍后再试。', 'The account is locked; try again later.'],
  account_disabled: ['账号已停用，请联系管理员。', 'The account is disabled; contact your administrator.'],
  csrf_failed: ['页面已过期，请刷新后重试。', 'The page is out of date; reload and try again.'],
  forbidden: ['您没有执行此操作的权限。', 'You are not allowed to do this.'],
  not_found: ['未找到，或不在您的管辖范围内。', 'Not found, or not in your area.'],
  route_not_found: ['没有这个接口。', 'There is no such endpoint.'],
  duplicate_id_number: ['该身份证号已建档。', 'A health record with this ID number already exists.'],
  duplicate_id_number_elsewhere: [
    '该身份证号已在其他机构建档，请联系对方机构办理迁入。',
    'This ID number already has a record at another institution; ask them to transfer it.',
  ],
  possible_duplicate: [
    '已有姓名、性别、出生日期相同的档案，请核对；确认不是同一人后可继续建档。',
    'A record with the same name, sex and birth date exists; check it, and confirm if this is a different person.',
  ],
  stale_version: [
    '其他人已修改了这份档案，请刷新后核对再保存。',
    'Someone else changed this record; reload it and compare before saving.',
  ],
  conflict: ['数据冲突，请刷新后重试。', 'The data changed meanwhile; reload and try again.'],
  record_numbers_exhausted: ['该村的档案编号已用完。', 'This village has used all its record numbers.'],
  payload_too_large: ['提交的内容太大。', 'The request is too large.'],
  rate_limited: ['操作太频繁，请稍后再试。', 'Too many requests; wait a moment and try again.'],
  password_policy: [
    '密码至少8位，包含大写字母、小写字母、数字、符号中的三类，且不能是常见密码（如 Passw0rd、Admin@123）。',
    'The password needs at least 8 characters from three of: upper-case, lower-case, digits, symbols, and must not be a common one (such as Passw0rd or Admin@123).',
  ],
  password_reused: ['新密码不能与当前密码相同。', 'The new password must differ from the current one.'],
  archived_record: ['该档案已结案，不能修改。', 'This record is archived and cannot be changed.'],
  draft_not_yours: [
    '只能签名自己填写的草稿；请填写者本人签名，或另录一份记录。',
    'Only the one who wrote a draft can sign it; ask them, or record it anew.',
  ],
  export_too_large: [
    '要导出的记录太多（最多 50000 条），请先用筛选条件缩小范围。',
    'Too many records to export (at most 50,000); narrow the filters first.',
  ],
  internal: [
    '系统出错了，请把请求编号告诉管理员。',
    'Something went wrong; give the request id to your administrator.',
  ],
  unavailable: ['系统暂时不可用，请稍后再试。', 'The system is unavailable; try again shortly.'],
  second_factor_required: [
    '密码正确。请输入手机验证器（如微信小程序“腾讯身份验证器”）上的6位动态码。',
    'Password accepted. Enter the 6-digit code shown by your authenticator app.',
  ],
  second_factor_invalid: [
    '动态码不正确或已过期，请输入验证器上最新的6位数字，或使用一个恢复码。',
    'The code is wrong or has expired; enter the newest 6 digits from your authenticator app, or a recovery code.',
  ],
  challenge_expired: [
    '登录步骤已超时，请重新输入用户名和密码。',
    'This sign-in step has timed out; enter your user name and password again.',
  ],
  second_factor_mandatory: [
    '您的角色必须使用两步验证，不能关闭；如更换手机，请让管理员重置。',
    'Your role requires two-step verification, so it cannot be turned off; if you changed phones, ask an administrator to reset it.',
  ],
  second_factor_not_enrolled: [
    '请先扫描二维码开始设置两步验证。',
    'Start setting up two-step verification by scanning the QR code first.',
  ],
  password_change_required: [
    '请先修改密码再继续：这是管理员设置的临时密码，或密码已超过有效期。',
    'Change your password before going on: it is a temporary one set by an administrator, or it has expired.',
  ],
  own_account: [
    '不能对自己的账号执行此操作，请联系其他管理员。',
    'You cannot do this to your own account; ask another administrator.',
  ],
  file_unreadable: [
    '无法读取这个文件，请上传 CSV 或 Excel（.xlsx）格式的人员名单。',
    'This file cannot be read; upload the staff list as CSV or Excel (.xlsx).',
  ],
} as const satisfies Record<string, readonly [string, string]>;
export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const FIELD_MESSAGES = {
  required: ['必填', 'Required'],
  invalid: ['格式不正确', 'Invalid value'],
  invalid_type: ['格式不正确', 'Invalid value'],
  invalid_value: ['不是可选的值', 'Not one of the allowed values'],
  unrecognized_keys: ['不认识的字段', 'Unknown field'],
  too_big: ['太长或太大', 'Too long or too large'],
  too_small: ['太短或太小', 'Too short or too small'],
  date_format: ['日期格式应为 年-月-日', 'Date must be YYYY-MM-DD'],
  date_invalid: ['日期不存在', 'No such date'],
  invalid_character: [
    '含有不允许的字符（如空字符），请删除后重试',
    'Contains a character that is not allowed (such as a NUL); remove it and try again',
  ],
  date_future: ['日期不能晚于今天', 'Date cannot be in the future'],
  year_month_format: ['应为 年-月', 'Must be YYYY-MM'],
  record_before_birth: ['建档日期早于出生日期', 'Record date is before the birth date'],
  linked_resident_unknown: [
    '关联的居民档案不存在或不在您的管辖范围内，请核对档案编号',
    'The linked resident record does not exist or is outside your area; check the record',
  ],
  phone_invalid: [
    '电话号码不正确（11位手机号或区号-座机号）',
    'Not a valid mobile (11 digits) or landline number',
  ],
  name_chars: ['姓名只能包含汉字、字母和间隔号', 'Names may contain Chinese characters, letters and ·'],
  village_code_format: ['村（居）委会代码应为12位数字', 'Village code must have 12 digits'],
  township_code_format: ['乡镇（街道）代码应为9位数字', 'Township code must have 9 digits'],
  referral_not_found: ['找不到这位居民的这张转出单', 'No such referral-out record for this resident'],
  register_by_age: [
    '此名册按年龄自动纳入，无需修改',
    'This register takes residents in by age; nothing to edit',
  ],
  register_sex: [
    '该名册只纳入女性居民（如孕产妇管理），请核对居民性别',
    "This register is for residents of the other sex (e.g. pregnancy care); check the resident's sex",
  ],
  below_elderly_age: ['此项服务对象为65岁及以上老年人', 'This service is for residents aged 65 and over'],
  choice_required: ['请至少选择一项', 'Choose at least one'],
  choice_duplicate: ['选项重复', 'A choice is repeated'],
  choice_exclusive: ['选了“无”就不能再选其他项', '"None" cannot be combined with other choices'],
  history_items_mismatch: [
    '选“有”时请填写名称和时间，选“无”时不填',
    'Fill in the rows when "yes", none when "no"',
  ],
  id_length: ['身份证号应为18位（或旧版15位）', 'ID number must have 18 (or old 15) characters'],
  id_charset: ['身份证号只能是数字，最后一位可为X', 'ID number has digits only, the last may be X'],
  id_area: ['身份证号前6位不是有效的地区代码', 'The first 6 digits are not a known area code'],
  id_birth_date: ['身份证号中的出生日期不存在', 'The birth date in the ID number does not exist'],
  id_future_birth: ['身份证号中的出生日期晚于今天', 'The birth date in the ID number is in the future'],
  id_implausible_age: ['身份证号中的出生日期不合理', 'The birth date in the ID number is implausible'],
  id_check_digit: [
    '身份证号校验位不对，请核对是否输错',
    'The check digit is wrong; check for a typing error',
  ],
  birth_date_mismatch_id: ['出生日期与身份证号不一致', 'Birth date does not match the ID number'],
  sex_mismatch_id: ['性别与身份证号不一致', 'Sex does not match the ID number'],
  not_in_jurisdiction: ['不在您的管辖范围内', 'Not in your area'],
  household_not_found: ['家庭档案不存在或不在您的辖区', 'Household not found or not in your area'],
  doctor_not_found: ['责任医生不存在或不在本辖区', 'Responsible doctor not found in this area'],
  not_enrolled: [
    '该居民未纳入此项目管理，请先登记入组',
    'The resident is not enrolled in this program; enrol first',
  ],
  visit_too_few: [
    '合并随访至少包含两项服务，只做一项请用单项随访',
    'A combined visit records at least two services; for one, use its own form',
  ],
  visit_type_twice: [
    '同一次随访中每类服务只能记录一次',
    'Each kind of service can be recorded once in one visit',
  ],
  already_enrolled: ['该居民已在此项目管理中', 'The resident is already enrolled in this program'],
  referral_expected: ['按规范应转诊，请填写转诊信息', 'The spec calls for a referral; fill in the referral'],
  head_exists: ['该家庭已有户主', 'This household already has a head'],
  username_format: ['用户名为3到32位字母、数字或 _ . -', 'User names have 3 to 32 letters, digits or _ . -'],
  username_taken: ['这个用户名已被使用', 'This user name is already taken'],
  role_not_allowed: ['您不能创建或管理这个角色的账号', 'You cannot create or manage accounts of this role'],
  institution_not_found: [
    '机构编码不存在或不在您管理的县内',
    'No such institution code in the county you manage',
  ],
  role_institution_mismatch: [
    '角色与机构不符（村医属村卫生室，卫生院人员属乡镇卫生院，县级角色属卫健委）',
    'The role does not fit the institution (village doctors belong to a village clinic, township staff to a township health centre, county roles to the health commission)',
  ],
  team_not_found: ['该机构没有这个家庭医生团队', 'This institution has no such family-doctor team'],
  duplicate_in_file: ['文件中这个用户名出现了不止一次', 'This user name appears more than once in the file'],
  code_format: ['动态码是6位数字', 'The code has 6 digits'],
} as const satisfies Record<string, readonly [string, string]>;
export type FieldErrorCode = keyof typeof FIELD_MESSAGES;

export function errorMessage(code: string, lang: Lang): string {
  const entry = (ERROR_MESSAGES as Record<string, readonly [string, string]>)[code];
  return entry ? entry[lang === 'zh' ? 0 : 1] : ERROR_MESSAGES.internal[lang === 'zh' ? 0 : 1];
}

export function fieldMessage(code: string, lang: Lang): string {
  const entry = (FIELD_MESSAGES as Record<string, readonly [string, string]>)[code];
  return entry ? entry[lang === 'zh' ? 0 : 1] : FIELD_MESSAGES.invalid[lang === 'zh' ? 0 : 1];
}

/** Password policy of the platform: at least 8 characters from at least three character classes. */
export function passwordPolicyOk(pw: string): boolean {
  if (pw.length < 8 || pw.length > 128) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  return classes >= 3 && !isCommonPassword(pw);
}

/**
 * Words that top the leaked-password lists (in China and elsewhere) and keyboard runs. A password is common
 * when, lower-cased and without the digits and symbols at its ends (Password1!, @Admin123), it is one of
 * them: three character classes alone let `Passw0rd` and `Admin@123` through.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'pass',
  'admin',
  'administrator',
  'root',
  'test',
  'guest',
  'user',
  'login',
  'welcome',
  'letmein',
  'qwerty',
  'qwertyuiop',
  'asdf',
  'asdfgh',
  'asdfghjkl',
  'zxcvbnm',
  'qazwsx',
  'qwe',
  'qweasd',
  'abc',
  'abcd',
  'abcdef',
  'iloveyou',
  'woaini',
  'woaini1314',
  'aini',
  'monkey',
  'dragon',
  'master',
  'shadow',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'superman',
  'michael',
  'changeme',
  'default',
  'secret',
  'system',
  'sysadmin',
  'manager',
  'hello',
  'china',
  'beijing',
  'shanghai',
  'huawei',
  'baidu',
  'tencent',
  'wang',
  'zhang',
  'li',
  'liu',
  'chen',
  'yang',
  'huang',
  'zhao',
  'health',
  'jiankang',
  'yiyuan',
  'hospital',
  'doctor',
  'weishengyuan',
  'cunyi',
  'dangan',
]);

export function isCommonPassword(pw: string): boolean {
  const lower = pw.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  return COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(core) || /^(.)\1*$/.test(core);
}
