/**
 * A chronic program's follow-up type on the web: shown read-only on the generic service page, recorded on
 * the register's follow-up page with the shared form and the program's hooks; its stored result is a
 * control classification (good when controlled) and its next step one of the spec's actions (or 失访 / 死亡
 * for a visit that did not take place).
 */
import { chronicActionWords, VISIT_CLASSIFICATION, type Words } from '@jkda/domain';
import type { FollowUpFormProps, Measurement, ServiceFormDef } from '../program-ui.ts';
import { ChronicFollowUpForm, type ChronicFollowUpHooks } from './ChronicFollowUpForm.tsx';
import { followUpView } from './followUpView.tsx';

/** The chronic types' hooks, by type: a combined visit's form takes the parts of several. */
const HOOKS = new Map<string, ChronicFollowUpHooks>();
const hooksOf = (type: string): ChronicFollowUpHooks => HOOKS.get(type)!;

/** The follow-up form of the chronic types: one part, or a combined visit of several. */
function ChronicVisitForm(props: FollowUpFormProps) {
  return <ChronicFollowUpForm {...props} hooksOf={hooksOf} />;
}

export function chronicFollowUpDef(o: {
  type: string;
  title: Words;
  measures: readonly Measurement[];
  hooks: ChronicFollowUpHooks;
}): ServiceFormDef {
  HOOKS.set(o.type, o.hooks);
  return {
    ...followUpView(o.type, o.title, o.hooks.symptoms),
    FollowUpForm: ChronicVisitForm,
    visitKit: 'chronic-follow-up',
    measures: o.measures,
    resultTone(classification) {
      const c = VISIT_CLASSIFICATION.find((x) => x.key === classification || x.code === classification);
      return c ? (c.key === 'controlled' ? 'good' : 'bad') : null;
    },
    actionWords: chronicActionWords,
  };
}
