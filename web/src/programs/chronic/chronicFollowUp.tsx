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

export function chronicFollowUpDef(o: {
  type: string;
  title: Words;
  measures: readonly Measurement[];
  hooks: ChronicFollowUpHooks;
}): ServiceFormDef {
  function FollowUpForm(props: FollowUpFormProps) {
    return <ChronicFollowUpForm {...props} hooks={o.hooks} />;
  }
  return {
    ...followUpView(o.type, o.title),
    FollowUpForm,
    measures: o.measures,
    resultTone(classification) {
      const c = VISIT_CLASSIFICATION.find((x) => x.key === classification || x.code === classification);
      return c ? (c.key === 'controlled' ? 'good' : 'bad') : null;
    },
    actionWords: chronicActionWords,
  };
}
