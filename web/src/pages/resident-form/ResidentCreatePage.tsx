/** A new health record: the form with the user's village and themself as responsible doctor filled in. */
import { useNavigate } from 'react-router';
import { App } from 'antd';
import { pathOf } from '../../app/routeTable.tsx';
import { useAreas, useDoctors, villagesOf } from '../../api/places.ts';
import { useSession } from '../../auth/session.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { countyToday } from '../../app/today.ts';
import { emptyValues } from './formModel.ts';
import { residentFormApi } from './form.api.ts';
import { ResidentForm } from './ResidentForm.tsx';
import { HelpPanel } from '../../components/HelpPanel.tsx';

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
    // The county's date, not the device's.
    today: countyToday(),
    ...(villages.length === 1 ? { villageCode: villages[0]!.code } : {}),
    ...(doctors.some((d) => d.id === me?.user.id) ? { responsibleDoctorId: me!.user.id } : {}),
  });

  return (
    <>
      <HelpPanel page="residentForm" />
      <ResidentForm
        initial={initial}
        onCancel={() => void navigate(pathOf('residents'))}
        checkIdNumber={residentFormApi.checkId}
        save={async (payload, confirm) => {
          const saved = await residentFormApi.create(payload, confirm);
          void message.success(t('form.created', { no: saved.recordNumber }));
          await navigate(pathOf('resident', { id: saved.id }), { replace: true });
        }}
      />
    </>
  );
}
