/** The generic service record page and its forms in a simulated browser, with the API stubbed. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { App as AntApp, Form } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { SessionProvider } from '../../auth/session.tsx';
import { ME, stubApi, type Handler } from '../../test/render.tsx';
import { ServiceRecordPage, todayIso } from './ServiceRecordPage.tsx';
import { tcmDef } from '../../programs/elderly/tcmForm.tsx';
import { Themed } from '../../app/theme.tsx';

const RESIDENT = {
  id: 7,
  name: '张桂兰',
  sex: '2',
  birthDate: '1950-04-02',
  age: 76,
  status: 'active',
};
const SIGNER = { ...ME, abilities: { ...ME.abilities, 'service.write': true } };

function api(extra: Handler = () => undefined) {
  return stubApi((method, url, body) => {
    const own = extra(method, url, body);
    if (own) return own;
    if (url.pathname === '/api/auth/me') return { status: 200, body: SIGNER };
    if (url.pathname === '/api/residents/7') return { status: 200, body: RESIDENT };
    if (url.pathname === '/api/residents/7/services')
      return { status: 200, body: { enrolments: [], items: [], plans: [], linked: [] } };
    return undefined;
  });
}

function renderPage(path: string) {
  const element = <ServiceRecordPage />;
  const router = createMemoryRouter(
    [
      { path: '/residents/:id/services/:type/new', element },
      { path: '/residents/:id/services/:type/:serviceId', element },
    ],
    { initialEntries: [path] },
  );
  render(
    <I18nProvider>
      <Themed locale={zhCN}>
        <AntApp>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </AntApp>
      </Themed>
    </I18nProvider>,
  );
  return router;
}

const choose = (groupId: string, value: string | number) => {
  const input = document.querySelector<HTMLInputElement>(`#${groupId} input[value="${value}"]`);
  if (!input) throw new Error(`no ${value} in #${groupId}`);
  fireEvent.click(input);
};

afterEach(() => vi.unstubAllGlobals());

describe('self-care assessment', () => {
  it('adds up the item scores as they are chosen and gives the result when all five are answered', async () => {
    api();
    renderPage('/residents/7/services/elderly_self_care/new');
    await screen.findByText('老年人生活自理能力评估表');
    expect(screen.getByTestId('self-care-total').textContent).toBe('0');
    choose('svc_form_answers_eating', 'moderate'); // 3
    choose('svc_form_answers_grooming', 'mild'); // 1
    await waitFor(() => expect(screen.getByTestId('self-care-total').textContent).toBe('4'));
    expect(screen.queryByTestId('self-care-category')).toBeNull();
    expect(screen.getByTestId('self-care-result').textContent).toContain('尚有3项未评');
    choose('svc_form_answers_dressing', 'independent');
    choose('svc_form_answers_toileting', 'moderate'); // 5
    choose('svc_form_answers_activity', 'independent');
    await waitFor(() => expect(screen.getByTestId('self-care-total').textContent).toBe('9'));
    expect(screen.getByTestId('self-care-category').textContent).toBe('中度依赖');
    choose('svc_form_answers_toileting', 'independent');
    await waitFor(() => expect(screen.getByTestId('self-care-category').textContent).toBe('轻度依赖'));
  });
});

describe('TCM constitution form', () => {
  it('lists guidance for the constitutions identified once all 33 questions are answered', async () => {
    // 气虚质 items (2, 3, 4, 14) answered 4, everything else 1: only 气虚质 is 是.
    const answers: (number | undefined)[] = Array.from({ length: 33 }, (_, i) =>
      [2, 3, 4, 14].includes(i + 1) ? 4 : 1,
    );
    answers[13] = undefined;
    function Harness() {
      const [form] = Form.useForm();
      return (
        <Form form={form} name="tcm" initialValues={{ form: { answers, guidance: [] } }}>
          <tcmDef.Fields birthDate="1950-01-01" sex="1" serviceDate="2026-01-01" readOnly={false} />
        </Form>
      );
    }
    render(
      <I18nProvider>
        <AntApp>
          <Harness />
        </AntApp>
      </I18nProvider>,
    );
    expect(screen.getByTestId('tcm-guidance').textContent).toContain('答完33题后');
    expect(screen.queryByTestId('guidance-qi_deficiency')).toBeNull();
    expect(screen.getByTestId('tcm-score-yang_deficiency').textContent).toBe('4');
    expect(screen.getByTestId('tcm-score-qi_deficiency').textContent).toBe('—');

    choose('tcm_form_answers_13', 4);
    await waitFor(() => expect(screen.getByTestId('tcm-score-qi_deficiency').textContent).toBe('16'));
    const g = await screen.findByTestId('guidance-qi_deficiency');
    expect(within(g).getByText('气虚质')).toBeTruthy();
    expect(within(g).getByText('情志调摄')).toBeTruthy();
    expect(screen.queryByTestId('guidance-balanced')).toBeNull();
    expect(screen.getByTestId('tcm-score-qi_deficiency').textContent).toBe('16');
    expect(screen.getByTestId('tcm-judgement-qi_deficiency').textContent).toBe('是');
    expect(screen.getByTestId('tcm-judgement-yang_deficiency').textContent).toBe('否');
  });
});

describe('ServiceRecordPage', () => {
  it('posts the envelope and the computed self-care result, and puts a 400 field error on its field', async () => {
    const posted: unknown[] = [];
    api((method, url, body) => {
      if (method === 'POST' && url.pathname === '/api/residents/7/services') {
        posted.push(body);
        return {
          status: 400,
          body: {
            code: 'validation_failed',
            message: '填写有误',
            details: [{ field: 'form.answers.eating', code: 'invalid_value', message: '服务器说进餐不对' }],
          },
        };
      }
      return undefined;
    });
    renderPage('/residents/7/services/elderly_self_care/new');
    await screen.findByText('张桂兰');
    for (const key of ['eating', 'grooming', 'dressing', 'toileting', 'activity'])
      choose(`svc_form_answers_${key}`, key === 'grooming' ? 'mild' : 'independent');
    fireEvent.click(document.querySelector('#svc_delivery input[value="home"]')!);
    await act(async () => {
      fireEvent.click(screen.getByTestId('svc-sign-save'));
      await new Promise((r) => setTimeout(r, 50));
    });
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      type: 'elderly_self_care',
      serviceDate: todayIso(),
      delivery: 'home',
      form: {
        answers: {
          eating: 'independent',
          grooming: 'mild',
          dressing: 'independent',
          toileting: 'independent',
          activity: 'independent',
        },
        total: 1,
        category: 'independent',
      },
      sign: true,
    });
    const item = document.getElementById('svc_form_answers_eating')!.closest('.ant-form-item')!;
    await waitFor(() => expect(item.textContent).toContain('服务器说进餐不对'));
    expect(screen.getByTestId('svc-summary').textContent).toContain('服务器说进餐不对');
  });

  it('does not post an incomplete form and says what is missing', async () => {
    const calls = api();
    renderPage('/residents/7/services/encounter/new');
    await screen.findByText('接诊记录表');
    await act(async () => {
      fireEvent.click(screen.getByTestId('svc-draft'));
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(screen.getByTestId('svc-summary').textContent).toContain('评估：必填');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('opens a draft read-only with its warnings, and signs it with its version', async () => {
    const record = {
      id: 55,
      residentId: 7,
      type: 'encounter',
      serviceDate: '2026-03-02',
      delivery: 'clinic',
      status: 'draft',
      version: 1,
      form: { subjective: '头晕三天', objective: '血压 150/90', assessment: '高血压？', plan: '复测血压' },
      classification: null,
      nextVisitDate: null,
      nextAction: null,
      warnings: [{ field: 'serviceDate', code: 'below_elderly_age' }],
      signedAt: null,
    };
    const signBodies: unknown[] = [];
    api((method, url, body) => {
      if (method === 'GET' && url.pathname === '/api/services/55') return { status: 200, body: record };
      if (method === 'POST' && url.pathname === '/api/services/55/sign') {
        signBodies.push(body);
        return {
          status: 200,
          body: { ...record, status: 'signed', version: 2, signedAt: '2026-03-02T10:00:00Z' },
        };
      }
      return undefined;
    });
    renderPage('/residents/7/services/encounter/55');
    await screen.findByText('接诊记录表');
    expect(screen.getByTestId('svc-status').textContent).toBe('草稿');
    expect(screen.getByTestId('svc-version').textContent).toBe('第1版');
    expect(screen.getByTestId('svc-warnings').textContent).toContain('此项服务对象为65岁及以上老年人');
    const subjective = document.getElementById('svc_form_subjective') as HTMLTextAreaElement;
    expect(subjective.value).toBe('头晕三天');
    expect(subjective.disabled).toBe(true);

    await act(async () => {
      fireEvent.click(screen.getByTestId('svc-sign'));
      await new Promise((r) => setTimeout(r, 20));
    });
    expect(signBodies).toEqual([{ version: 1 }]);
    await waitFor(() => expect(screen.getByTestId('svc-status').textContent).toBe('已签名'));
    expect(screen.getByTestId('svc-version').textContent).toBe('第2版');
    expect(screen.queryByTestId('svc-sign')).toBeNull();
  });

  it('shows the not-found result for an unknown type', async () => {
    api();
    renderPage('/residents/7/services/no_such_form/new');
    expect(await screen.findByText('页面不存在')).toBeTruthy();
  });
});
