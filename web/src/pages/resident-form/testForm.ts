/** Test helper: fills every required field of the rendered ResidentForm through its inputs, then saves. */
import { act, fireEvent, screen } from '@testing-library/react';

const el = (id: string) => document.getElementById(id)!;
const change = (id: string, value: string) => fireEvent.change(el(id), { target: { value } });

function clickLabel(containerId: string, label: string): void {
  const container = el(containerId);
  const target = [...container.querySelectorAll('label')].find((l) => l.textContent === label);
  if (!target) throw new Error(`no choice ${label} in ${containerId}`);
  fireEvent.click(target.querySelector('input')!);
}

export async function submitComplete(idNumber: string): Promise<void> {
  change('resident_name', '司马青云');
  change('resident_idNumber', idNumber);
  change('resident_currentAddress', '青坊村新村组8号');
  const radios: [string, string][] = [
    ['basicInfo_residenceType', '户籍'],
    ['basicInfo_bloodType', 'A型'],
    ['basicInfo_rh', '阳性'],
    ['basicInfo_maritalStatus', '已婚'],
    ['basicInfo_surgeries', '无'],
    ['basicInfo_traumas', '无'],
    ['basicInfo_transfusions', '无'],
    ['basicInfo_hereditaryDisease', '无'],
    ['basicInfo_environment_kitchenExhaust', '油烟机'],
    ['basicInfo_environment_fuel', '液化气'],
    ['basicInfo_environment_drinkingWater', '自来水'],
    ['basicInfo_environment_toilet', '卫生厕所'],
    ['basicInfo_environment_livestockPen', '无'],
    ['basicInfo_paymentMethods', '城乡居民基本医疗保险'],
    ['basicInfo_drugAllergy', '无'],
    ['basicInfo_exposure', '无'],
    ['basicInfo_diseases', '无'],
    ['basicInfo_familyHistory_father', '无'],
    ['basicInfo_familyHistory_mother', '无'],
    ['basicInfo_familyHistory_siblings', '无'],
    ['basicInfo_familyHistory_children', '无'],
    ['basicInfo_disability', '无残疾'],
  ];
  for (const [id, label] of radios) clickLabel(`resident_${id}`, label);
  for (const [id, label] of [
    ['basicInfo_ethnicity', '汉族'],
    ['basicInfo_education', '初中'],
    ['basicInfo_occupation', '军人'],
  ]) {
    fireEvent.mouseDown(el(`resident_${id!}`));
    const options = await screen.findAllByTitle(label!);
    fireEvent.click(options[options.length - 1]!);
  }
  await act(async () => {
    fireEvent.click(screen.getByTestId('save'));
    await new Promise((r) => setTimeout(r, 100));
  });
}
