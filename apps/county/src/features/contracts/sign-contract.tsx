import { serverFieldErrors, showOnForm, useI18n, useOperators, useStations } from '@shegong/web';
import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { type Contract, useSignContract } from './api.ts';
import { chinaToday, yuanToFen } from './payment-rules.ts';

interface SignValues {
  id: string;
  operatorId: string;
  stationIds: string[];
  awardNoticeDate: string;
  signedOn: string;
  termStart: string;
  termEnd: string;
  cycleYears: number;
  /** As typed, in 元; sent as integer fen. */
  amountYuan: string;
}

const DAY_FIELDS = ['awardNoticeDate', 'signedOn', 'termStart', 'termEnd'] as const;

/** Where a refusal of `contracts.sign` lands on this form: its fields by the schema's names. */
function toField(path: ReadonlyArray<string | number>): Array<string | number> | null {
  const [head] = path;
  if (head === 'amountFen') return ['amountYuan'];
  if (head === 'yearlyTerms') return ['signedOn']; // year 1 is the contract itself, signed that day
  if (
    typeof head === 'string' &&
    ['id', 'operatorId', 'stationIds', 'cycleYears', ...DAY_FIELDS].includes(head)
  ) {
    return [head];
  }
  return null;
}

/**
 * Signs a purchase contract for the county (`funding.contracts.sign`): operator, stations covered, award
 * notice and signing days, term, cycle (一年一签 within it: the contract is year 1's agreement [ZZ §5.3])
 * and the price in 元, sent as integer fen. The rules are funding's: it checks the contract as it stores it
 * — signed within 30 days of the award notice [ZZ §5.3, PY §5.3], the cycle — and answers its findings,
 * which the contract's page opens on. Malformed input (signed before the notice, a term that ends before
 * it starts) is refused on its field and nothing is signed. There is no dry run of a signing yet, so the
 * findings show once the contract is signed (they never block it).
 */
export function SignContract({
  countyCode,
  onClose,
  onSigned,
}: {
  countyCode: string;
  onClose: () => void;
  onSigned: (contract: Contract) => void;
}) {
  const { t, locale } = useI18n();
  const sign = useSignContract();
  const operators = useOperators({ limit: 100 });
  const stations = useStations({ regionCode: countyCode, limit: 100 });
  const [form] = Form.useForm<SignValues>();
  const [failure, setFailure] = useState<string[]>([]);
  const today = chinaToday();
  const required = [{ required: true, message: t('edit.required') }];

  const submit = async (values: SignValues) => {
    setFailure([]);
    const amount = yuanToFen(values.amountYuan);
    if ('problem' in amount) return; // the field's own rule has said why
    try {
      const contract = await sign.mutateAsync({
        id: values.id.trim(),
        countyCode,
        operatorId: values.operatorId,
        stationIds: values.stationIds ?? [],
        awardNoticeDate: values.awardNoticeDate,
        signedOn: values.signedOn,
        termStart: values.termStart,
        termEnd: values.termEnd,
        cycleYears: values.cycleYears,
        yearlyTerms: [{ year: 1, signedOn: values.signedOn }],
        evaluations: [],
        amountFen: amount.fen,
      });
      onSigned(contract);
    } catch (error) {
      const { fields, other } = serverFieldErrors(error, toField, locale);
      showOnForm(form, fields);
      setFailure(other);
    }
  };

  return (
    <Modal
      open
      title={t('sign.title')}
      okText={t('sign.submit')}
      cancelText={t('payments.cancel')}
      confirmLoading={sign.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      <Typography.Paragraph type="secondary">{t('sign.hint')}</Typography.Paragraph>
      {failure.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={failure.join('；')}
          data-testid="sign-error"
        />
      )}
      <Form<SignValues>
        form={form}
        name="sign-contract"
        layout="vertical"
        onFinish={submit}
        initialValues={{ signedOn: today, cycleYears: 3, stationIds: [] }}
      >
        <Form.Item name="id" label={t('contracts.id')} rules={required}>
          <Input style={{ width: 320 }} placeholder={`c-${countyCode}-${today.slice(0, 4)}`} />
        </Form.Item>
        <Form.Item name="operatorId" label={t('station.operator')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={operators.isPending}
            options={(operators.data?.items ?? []).map((o) => ({
              value: o.id,
              label: `${o.name}（${o.id}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="stationIds" label={t('contracts.stations')}>
          <Select
            mode="multiple"
            loading={stations.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(stations.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.name}（${s.id}）`,
            }))}
          />
        </Form.Item>
        {DAY_FIELDS.map((name) => (
          <Form.Item key={name} name={name} label={t(`sign.${name}`)} rules={required}>
            <Input type="date" style={{ width: 200 }} />
          </Form.Item>
        ))}
        <Form.Item name="cycleYears" label={t('sign.cycleYears')} rules={required}>
          <InputNumber min={1} max={10} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('sign.amountYuan')}
          rules={[
            ...required,
            {
              validator: async (_, value: string | undefined) => {
                if (!value) return;
                const read = yuanToFen(value);
                if ('problem' in read) throw new Error(t(`payments.${read.problem}`));
              },
            },
          ]}
        >
          <Input inputMode="decimal" suffix="元" style={{ width: 240 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
