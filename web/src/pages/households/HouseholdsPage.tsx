/** Households: find one (number, head, address), or create one (ability household.write). */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { fieldMessage } from '@jkda/domain/messages';
import { pathOf } from '../../app/routeTable.tsx';
import { useAreas, villagesOf } from '../../api/places.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useSession } from '../../auth/session.tsx';
import { useNotifyError } from '../../components/useNotifyError.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { householdsApi } from './households.api.ts';
import { HouseholdSearch } from './HouseholdSearch.tsx';
import { HelpPanel } from '../../components/HelpPanel.tsx';

export function HouseholdsPage() {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const areas = useAreas();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ villageCode: string; address: string }>();
  const villages = villagesOf(areas);

  const create = async (v: { villageCode: string; address: string }) => {
    setBusy(true);
    try {
      const h = await householdsApi.create(v.villageCode, v.address);
      void message.success(t('hh.created'));
      await navigate(pathOf('household', { id: h.id }));
    } catch (e) {
      const fields = fieldErrorsOf(e);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <HelpPanel page="households" />
      </Col>
      <Col xs={24} lg={14}>
        <Card title={t('hh.findTitle')}>
          <HouseholdSearch villages={villages} />
        </Card>
      </Col>
      {can('household.write') && (
        <Col xs={24} lg={10}>
          <Card title={t('hh.createTitle')}>
            <Form
              form={form}
              layout="vertical"
              onFinish={(v) => void create(v)}
              initialValues={villages.length === 1 ? { villageCode: villages[0]!.code } : {}}
              key={villages.length}
            >
              <Form.Item
                name="villageCode"
                label={t('hh.village')}
                rules={[{ required: true, message: fieldMessage('required', lang) }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={villages.map((v) => ({ value: v.code, label: v.name }))}
                />
              </Form.Item>
              <Form.Item
                name="address"
                label={t('hh.address')}
                rules={[{ required: true, whitespace: true, message: fieldMessage('required', lang) }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('hh.create')}
              </Button>
            </Form>
          </Card>
        </Col>
      )}
    </Row>
  );
}
