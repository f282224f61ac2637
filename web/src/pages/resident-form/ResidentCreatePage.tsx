/** A new health record: the form with the user's village and themself as responsible doctor filled in. */
import { useNavigate } from 'react-router';
import { App } from 'antd';
import { pathOf } from '../../app/routeTable.tsx';
import { useAreas, useDoctors, villagesOf } from '../../api/places.ts';
import { useSession } from '../../auth/session.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { emptyValues } from './formModel.ts';
import { residentFormApi } from './form.api.ts';
import { ResidentForm } from './ResidentForm.tsx';

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function ResidentCreatePage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const areas = useAreas();
  const doctors = useDoctors();
  if (!areas || !doctors) return <PageLoading />;

  const villages = villagesOf(areas);
  const initial = emptyValues({
    today: localToday(),
    ...(villages.length === 1 ? { villageCode: villages[0]!.code } : {}),
    ...(doctors.some((d) => d.id === me?.user.id) ? { responsibleDoctorId: me!.user.id } : {}),
  });

  return (
    <ResidentForm
      initial={initial}
      onCancel={() => void navigate(pathOf('residents'))}
      save={async (payload, confirm) => {
        const saved = await residentFormApi.create(payload, confirm);
        void message.success(t('form.created', { no: saved.recordNumber }));
        await navigate(pathOf('resident', { id: saved.id }), { replace: true });
      }}
    />
  );
}
