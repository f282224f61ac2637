/**
 * A register's follow-up page (/residents/:id/followup/:program): the register's follow-up type, recorded
 * with the form its program's web folder gives (ServiceFormDef.FollowUpForm), prefilled from the resident's
 * last signed follow-up of that type. With `?with=<register>,…` a combined visit: the follow-ups of those
 * registers too, on one form, when the resident is managed in them and their forms share a kit
 * (visitPartnersOf); otherwise the page's own register alone, with an offer of the combined visit. With
 * `?draft=<id>` an unsigned record of the type, to finish and sign (or keep as a draft).
 */
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { Alert } from 'antd';
import { programRegistry, type RegisterDef } from '@jkda/domain';
import { pathOf } from '../../app/routeTable.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { followUpRegisterOf, serviceFormOf, visitPartnersOf } from '../../programs/index.ts';
import type { FollowUpPart, ServiceFormDef } from '../../programs/program-ui.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { residentApi } from '../resident/resident.api.ts';
import { servicesApi } from '../services/services.api.ts';

export function FollowUpPage() {
  const params = useParams();
  const [search] = useSearchParams();
  const id = Number(params.id);
  const register = programRegistry.register(params.program ?? '');
  const type = register?.followUpType;
  const def = type ? serviceFormOf(type) : undefined;
  if (!register || !type || !def || followUpRegisterOf(type) !== register || !Number.isInteger(id))
    return <NotFoundPage />;
  const wanted = (search.get('with') ?? '').split(',').filter(Boolean);
  const draftId = Number(search.get('draft') ?? '') || undefined;
  return (
    <Loader
      key={`${id}-${register.program}-${wanted.join()}-${draftId ?? ''}`}
      id={id}
      register={register}
      def={def}
      wanted={draftId ? [] : wanted}
      draftId={draftId}
    />
  );
}

function Loader({
  id,
  register,
  def,
  wanted,
  draftId,
}: {
  id: number;
  register: RegisterDef;
  def: ServiceFormDef;
  wanted: readonly string[];
  /** An unsigned record of the type to finish. */
  draftId?: number;
}) {
  const { t, lang } = useI18n();
  const location = useLocation();
  const { data, error, loading, reload } = useAsync(
    async (signal) => {
      const [resident, services] = await Promise.all([
        residentApi.get(id, signal),
        servicesApi.list(id, signal),
      ]);
      const managed = services.enrolments.filter((e) => e.status === 'managed').map((e) => e.program);
      const partners = visitPartnersOf(register.program, managed);
      const registers = [register, ...partners.filter((p) => wanted.includes(p.program))];
      const parts = await Promise.all(
        registers.map(async (r): Promise<FollowUpPart> => {
          const type = r.followUpType!;
          const last = services.items.find((s) => s.type === type && s.status === 'signed');
          const lastRecord = last ? await servicesApi.get(last.id, signal) : undefined;
          return { type, register: r, title: serviceFormOf(type)!.title, last, lastRecord };
        }),
      );
      let draftGone = false;
      if (draftId !== undefined) {
        const draft = await servicesApi.get(draftId, signal).catch(() => undefined);
        // Only a draft of this resident and this register's type is finished here; otherwise the page says
        // so above a new follow-up (it was signed meanwhile, or is not this patient's).
        if (draft?.residentId === id && draft.type === def.type && draft.status === 'draft')
          parts[0] = { ...parts[0]!, draft };
        else draftGone = true;
      }
      return { resident, parts, partners: draftId === undefined ? partners : [], draftGone };
    },
    [id, def.type, wanted.join(), draftId],
  );
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading || !data) return <PageLoading />;
  const Form = def.FollowUpForm!;
  const offer = data.parts.length === 1 && data.partners.length > 0;
  const programs = data.partners.map((p) => p.label[lang]).join('、');
  return (
    <>
      {data.draftGone && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="fu-draft-gone"
          title={t('fu.draftGone')}
        />
      )}
      {offer && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="fu-combined-offer"
          title={t('fu.combinedOffer', { programs })}
          action={
            <Link
              to={`${pathOf('followup', { id, program: register.program })}?with=${data.partners.map((p) => p.program).join(',')}`}
              state={location.state as unknown}
              replace
              data-testid="fu-combined-open"
            >
              {t('fu.recordCombined', {
                programs: [register, ...data.partners].map((p) => p.label[lang]).join('+'),
              })}
            </Link>
          }
        />
      )}
      <Form resident={data.resident} parts={data.parts} />
    </>
  );
}
