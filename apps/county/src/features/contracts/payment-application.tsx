import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { formatMoney, serverFieldErrors, showOnForm, useI18n } from '@shegong/web';
import { Alert, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { type ContractPayments, type PaymentRequest, usePaymentWrites, type VoucherKind } from './api.ts';
import { chinaToday, nextPaymentId, yuanToFen } from './payment-rules.ts';

const VOUCHER_KINDS: readonly VoucherKind[] = ['service-agreement', 'invoice', 'service-report', 'other'];

interface ApplicationValues {
  id: string;
  /** As typed, in 元; sent as integer fen. */
  amountYuan: string;
  appliedOn: string;
  vouchers: Array<{ kind: VoucherKind; ref: string }>;
}

/** Where a refusal of `payments.applyFor` lands on this form: its fields by the schema's names. */
function toField(path: ReadonlyArray<string | number>): Array<string | number> | null {
  const [head, index, leaf] = path;
  if (head === 'amountFen') return ['amountYuan'];
  if (head === 'id' || head === 'appliedOn') return [head];
  if (head === 'vouchers' && typeof index === 'number' && (leaf === 'kind' || leaf === 'ref')) {
    return ['vouchers', index, leaf];
  }
  return null;
}

/**
 * Records the operator's written payment application as the county received it (`funding.payments.applyFor`,
 * `payments.apply`): the amount typed in 元 and sent as integer fen, the day, and the vouchers attached —
 * service agreement, invoices, service reports (合同签订后，承接主体要以书面形式向购买主体提交资金申请，并附
 * 相应的服务协议、凭证资料等) [ZZ §5.5]. The form reads the amount exactly (two decimals at most); the
 * service checks the rest — that the contract's applied, approved and paid requests stay within its
 * amount (`PAYMENT_TOTAL_CONFLICT` on `amountFen`), that it was applied for after signing — and each
 * refusal shows next to the field it names, with nothing written.
 */
export function PaymentApplication({
  contractId,
  payments,
  onClose,
  onDone,
}: {
  contractId: string;
  payments: ContractPayments;
  onClose: () => void;
  onDone: (created: PaymentRequest) => void;
}) {
  const { t, locale } = useI18n();
  const writes = usePaymentWrites();
  const [form] = Form.useForm<ApplicationValues>();
  const [failure, setFailure] = useState<string[]>([]);

  const submit = async (values: ApplicationValues) => {
    setFailure([]);
    const amount = yuanToFen(values.amountYuan);
    if ('problem' in amount) return; // the field's own rule has said why
    try {
      const created = await writes.applyFor.mutateAsync({
        id: values.id.trim(),
        contractId,
        amountFen: amount.fen,
        appliedOn: values.appliedOn,
        vouchers: values.vouchers.map((v) => ({ kind: v.kind, ref: v.ref.trim() })),
      });
      onDone(created);
    } catch (error) {
      const { fields, other } = serverFieldErrors(error, toField, locale);
      showOnForm(form, fields);
      setFailure(other);
    }
  };

  return (
    <Modal
      open
      title={t('payments.apply.title')}
      okText={t('payments.apply.submit')}
      cancelText={t('payments.cancel')}
      confirmLoading={writes.applyFor.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">
        {t('payments.apply.hint', { remaining: formatMoney(payments.remainingFen, locale) })}
      </Typography.Paragraph>
      {failure.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={failure.join('；')}
          data-testid="application-error"
        />
      )}
      <Form<ApplicationValues>
        form={form}
        name={`application-${contractId}`}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          id: nextPaymentId(
            contractId,
            payments.items.map((p) => p.id),
          ),
          appliedOn: chinaToday(),
          vouchers: [{ kind: 'service-report', ref: '' }],
        }}
      >
        <Form.Item
          name="id"
          label={t('payments.id')}
          rules={[{ required: true, message: t('edit.required') }]}
        >
          <Input style={{ width: 320 }} />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label={t('payments.amountYuan')}
          rules={[
            { required: true, message: t('edit.required') },
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
        <Form.Item
          name="appliedOn"
          label={t('payments.appliedOn')}
          rules={[{ required: true, message: t('edit.required') }]}
        >
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <Typography.Text strong>{t('payments.vouchers')}</Typography.Text>
        <Form.List
          name="vouchers"
          rules={[
            {
              validator: async (_, vouchers: unknown[] | undefined) => {
                if (!vouchers || vouchers.length === 0) throw new Error(t('payments.vouchersRequired'));
              },
            },
          ]}
        >
          {(items, { add, remove }, { errors }) => (
            <div style={{ marginTop: 8 }}>
              {items.map(({ key, name }) => (
                <Space key={key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[name, 'kind']}
                    rules={[{ required: true, message: t('edit.required') }]}
                    label={t('payments.voucherKind')}
                  >
                    <Select
                      style={{ width: 140 }}
                      options={VOUCHER_KINDS.map((k) => ({ value: k, label: t(`voucher.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'ref']}
                    rules={[{ required: true, whitespace: true, message: t('edit.required') }]}
                    label={t('payments.voucherRef')}
                  >
                    <Input style={{ width: 260 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('payments.removeVoucher')}
                    onClick={() => remove(name)}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'invoice', ref: '' })}>
                {t('payments.addVoucher')}
              </Button>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
