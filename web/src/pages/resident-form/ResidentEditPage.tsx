/**
 * Editing a record: PUT sends the whole editable record with the version it was loaded at. When someone
 * else saved meanwhile, the user reloads, compares, and keeps their edits on the latest version or
 * takes the latest record.
 */
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App } from 'antd';
import { pathOf } from '../../app/routeTable.tsx';
import { ErrorResult } from '../../components/ErrorResult.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CompareModal } from './CompareModal.tsx';
import { compareVersions, fromView, mergeMine, type FieldDiff, type FormValues } from './formModel.ts';
import { residentFormApi } from './form.api.ts';
import { ResidentForm } from './ResidentForm.tsx';

interface Editing {
  /** The version the form's values are based on. */
  version: number;
  base: FormValues;
  initial: FormValues;
  key: number;
}

interface Comparing {
  diffs: FieldDiff[];
  theirs: FormValues;
  mine: FormValues;
  version: number;
}

export function ResidentEditPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const { data: view, error, reload } = useAsync((s) => residentFormApi.get(id, s), [id]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [comparing, setComparing] = useState<Comparing | null>(null);

  useEffect(() => {
    if (view)
      setEditing(
        (e) => e ?? { version: view.version, base: fromView(view), initial: fromView(view), key: 0 },
      );
  }, [view]);

  if (error) return <ErrorResult error={error} onRetry={reload} />;
  if (!view || !editing) return <PageLoading />;
  if (view.status === 'archived')
    return (
      <Alert
        type="warning"
        showIcon
        title={t('record.archivedBanner', { reason: view.archiveReason ?? '', date: view.archiveDate ?? '' })}
      />
    );

  const reloadCompare = async (mine: FormValues) => {
    try {
      const latest = await residentFormApi.get(id);
      const theirs = fromView(latest);
      setComparing({
        diffs: compareVersions(editing.base, theirs, mine),
        theirs,
        mine,
        version: latest.version,
      });
    } catch (e) {
      notifyError(e);
    }
  };

  const restart = (initial: FormValues, c: Comparing) => {
    setEditing({ version: c.version, base: c.theirs, initial, key: editing.key + 1 });
    setComparing(null);
  };

  return (
    <>
      <ResidentForm
        key={editing.key}
        initial={editing.initial}
        onCancel={() => void navigate(pathOf('resident', { id }))}
        onReloadCompare={(mine) => void reloadCompare(mine)}
        save={async (payload) => {
          await residentFormApi.update(id, payload, editing.version);
          void message.success(t('form.saved'));
          await navigate(pathOf('resident', { id }), { replace: true });
        }}
      />
      {comparing && (
        <CompareModal
          open
          diffs={comparing.diffs}
          onCancel={() => setComparing(null)}
          onKeepMine={() => restart(mergeMine(editing.base, comparing.theirs, comparing.mine), comparing)}
          onTakeTheirs={() => restart(comparing.theirs, comparing)}
        />
      )}
    </>
  );
}
