/**
 * A register's follow-up page (/residents/:id/followup/:program): the register's follow-up type, recorded
 * with the form its program's web folder gives (ServiceFormDef.FollowUpForm), prefilled from the resident's
 * last signed follow-up of that type.
 */
import { useParams } from 'react-router';
import { programRegistry, type RegisterDef } from '@jkda/domain';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { followUpRegisterOf, serviceFormOf } from '../../programs/index.ts';
import type { ServiceFormDef } from '../../programs/program-ui.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { residentApi } from '../resident/resident.api.ts';
import { servicesApi } from '../services/services.api.ts';

export function FollowUpPage() {
  const params = useParams();
  const id = Number(params.id);
  const register = programRegistry.register(params.program ?? '');
  const type = register?.followUpType;
  const def = type ? serviceFormOf(type) : undefined;
  if (!register || !type || !def || followUpRegisterOf(type) !== register || !Number.isInteger(id))
    return <NotFoundPage />;
  return <Loader key={`${id}-${register.program}`} id={id} register={register} def={def} />;
}

function Loader({ id, register, def }: { id: number; register: RegisterDef; def: ServiceFormDef }) {
  const { data, error, loading, reload } = useAsync(
    async (signal) => {
      const [resident, services] = await Promise.all([
        residentApi.get(id, signal),
        servicesApi.list(id, signal),
      ]);
      const last = services.items.find((s) => s.type === def.type && s.status === 'signed');
      const lastRecord = last ? await servicesApi.get(last.id, signal) : undefined;
      return { resident, last, lastRecord };
    },
    [id, def.type],
  );
  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (loading || !data) return <PageLoading />;
  const Form = def.FollowUpForm!;
  return <Form type={def.type} register={register} title={def.title} {...data} />;
}
