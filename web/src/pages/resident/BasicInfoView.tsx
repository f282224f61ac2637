/** The personal basic information form (个人基本信息表) in read mode. */
import { Descriptions } from 'antd';
import { codeLabel } from '../../i18n/codes.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { diseasesText, eventsText, hereditaryText, multiText, paren } from '../../record/format.ts';
import type { ResidentView } from '../../record/types.ts';

export function BasicInfoView({ r }: { r: ResidentView }) {
  const { t, lang } = useI18n();
  const b = r.basicInfo;
  const yes = t('common.yes');
  const no = t('common.no');
  const f = (k: Parameters<typeof t>[0]) => t(k);
  const ethnicity =
    codeLabel('ethnicity', b.ethnicity, lang) +
    (b.ethnicity === '99' && b.ethnicityOther ? paren(b.ethnicityOther, lang) : '');
  const env = b.environment;
  const items = [
    ['workUnit', f('field.basicInfo.workUnit'), b.workUnit],
    ['contactName', f('field.basicInfo.contactName'), b.contactName],
    ['contactPhone', f('field.basicInfo.contactPhone'), b.contactPhone],
    ['residenceType', f('field.basicInfo.residenceType'), codeLabel('residenceType', b.residenceType, lang)],
    ['ethnicity', f('field.basicInfo.ethnicity'), ethnicity],
    [
      'bloodType',
      f('field.basicInfo.bloodType'),
      `${codeLabel('bloodType', b.bloodType, lang)} / RH ${codeLabel('rh', b.rh, lang)}`,
    ],
    ['education', f('field.basicInfo.education'), codeLabel('education', b.education, lang)],
    ['occupation', f('field.basicInfo.occupation'), codeLabel('occupation', b.occupation, lang)],
    ['maritalStatus', f('field.basicInfo.maritalStatus'), codeLabel('maritalStatus', b.maritalStatus, lang)],
    [
      'paymentMethods',
      f('field.basicInfo.paymentMethods'),
      multiText('paymentMethod', b.paymentMethods, lang),
    ],
    ['drugAllergy', f('field.basicInfo.drugAllergy'), multiText('drugAllergy', b.drugAllergy, lang)],
    ['exposure', f('field.basicInfo.exposure'), multiText('exposure', b.exposure, lang)],
    ['diseases', f('field.basicInfo.diseases'), diseasesText(b.diseases, lang)],
    ['surgeries', f('field.basicInfo.surgeries'), eventsText(b.surgeries, lang, yes, no)],
    ['traumas', f('field.basicInfo.traumas'), eventsText(b.traumas, lang, yes, no)],
    ['transfusions', f('field.basicInfo.transfusions'), eventsText(b.transfusions, lang, yes, no)],
    [
      'father',
      f('field.basicInfo.familyHistory.father'),
      multiText('familyDisease', b.familyHistory.father, lang),
    ],
    [
      'mother',
      f('field.basicInfo.familyHistory.mother'),
      multiText('familyDisease', b.familyHistory.mother, lang),
    ],
    [
      'siblings',
      f('field.basicInfo.familyHistory.siblings'),
      multiText('familyDisease', b.familyHistory.siblings, lang),
    ],
    [
      'children',
      f('field.basicInfo.familyHistory.children'),
      multiText('familyDisease', b.familyHistory.children, lang),
    ],
    [
      'hereditary',
      f('field.basicInfo.hereditaryDisease'),
      hereditaryText(b.hereditaryDisease, lang, yes, no),
    ],
    ['disability', f('field.basicInfo.disability'), multiText('disability', b.disability, lang)],
    [
      'kitchenExhaust',
      f('field.basicInfo.environment.kitchenExhaust'),
      codeLabel('kitchenExhaust', env.kitchenExhaust, lang),
    ],
    ['fuel', f('field.basicInfo.environment.fuel'), codeLabel('fuel', env.fuel, lang)],
    [
      'drinkingWater',
      f('field.basicInfo.environment.drinkingWater'),
      codeLabel('drinkingWater', env.drinkingWater, lang),
    ],
    ['toilet', f('field.basicInfo.environment.toilet'), codeLabel('toilet', env.toilet, lang)],
    [
      'livestockPen',
      f('field.basicInfo.environment.livestockPen'),
      codeLabel('livestockPen', env.livestockPen, lang),
    ],
  ] as const;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      title={t('record.basicInfo')}
      items={items.map(([key, label, value]) => ({ key, label, children: value || '—' }))}
    />
  );
}
