/**
 * Words for the codes of the immunization rules (checkVaccinationRecord, the forms' own checks), [zh, en].
 * Codes shared with the other programs (required, before_birth, date_after_service …) keep their words.
 */
type Words = readonly [zh: string, en: string];

export const IMMUNIZATION_MESSAGES = {
  unknown_vaccine: [
    '不是免疫规划程序中的疫苗，请核对疫苗名称',
    'Not a vaccine of the schedule; check the vaccine',
  ],
  no_schedule_for_birth_date: [
    '该儿童出生早于现行免疫程序的适用日期，无法按程序核对',
    'The child was born before the schedule applies; the dose cannot be checked against it',
  ],
  route_mismatch: ['接种途径与该疫苗的规定途径不符', 'The route is not the one of this vaccine'],
  site_unusual: ['接种部位不是该疫苗的常用部位，请核实', 'An unusual site for this vaccine; please confirm'],
  dose_number_invalid: ['该疫苗没有这一剂次', 'This vaccine has no such dose'],
  duplicate_same_day: ['同一天已有该疫苗的接种记录', 'This vaccine is already recorded on that day'],
  series_already_complete: ['该疫苗已全程接种，本剂为多余剂次', 'The series is complete; this dose is extra'],
  dose_number_mismatch: [
    '按已有记录本剂应为另一剂次，请核对剂次',
    'By the earlier records this is another dose number; check it',
  ],
  alternative_mixed: [
    '与已接种的剂型不同（减毒/灭活），请核实',
    'A different kind (live/inactivated) from earlier doses',
  ],
  before_due_age: ['早于该剂次的起始接种月龄', 'Given before the age at which the dose is due'],
  past_catch_up_age: ['超过该疫苗的补种年龄', 'Past the age up to which this vaccine is caught up'],
  interval_short: ['与前一剂间隔短于最短间隔', 'Sooner after the previous dose than the minimum interval'],
  live_vaccine_spacing: [
    '两种注射减毒活疫苗未同时接种的，间隔应≥28天',
    'Two injected live vaccines not given on the same day need 28 days between them',
  ],
  permanent_has_end: ['永久禁忌不能填写结束日期', 'A permanent contraindication has no end date'],
  before_recorded: ['结束日期早于登记日期', 'The end date is before the day it was recorded'],
  before_vaccination: ['发生日期早于接种日期', 'The onset is before the vaccination'],
  not_reported: ['未报告时不能填写报告日期', 'No report date when it was not reported'],
  before_onset: ['报告日期早于发生日期', 'The report date is before the onset'],
  aefi_no_vaccination_record: [
    '没有找到该日期该疫苗的接种记录，请核实接种日期',
    'No record of this vaccine on that day; check the vaccination date',
  ],
  aefi_serious_not_reported: [
    '严重异常反应应及时报告疑似预防接种异常反应监测系统',
    'A serious event must be reported to the AEFI surveillance system',
  ],
} as const satisfies Record<string, Words>;
