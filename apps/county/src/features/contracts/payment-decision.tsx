import { formatDate, formatMoney, serverFieldErrors, showOnForm, useI18n } from '@shegong/web';
import { Alert, Descriptions, Form, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { type PaymentRequest, usePaymentWrites } from './api.ts';
import { chinaToday, type PaymentAction } from './payment-rules.ts';

interface DecisionValues {
  /** The day of the decision: `approvedOn`, `rejectedOn` or `paidOn` as the action names it. */
  on: string;
  reason?: string;
}

/** The field of the day each procedure takes, so a refusal naming it lands on the form's date. */
const DAY_FIELD: Record<PaymentAction, 'approvedOn' | 'rejectedOn' | 'paidOn'> = {
  approve: 'approvedOn',
  reject: 'rejectedOn',
  pay: 'paidOn',
};

/**
 * The confirmation dialog of one decision on a payment request (`funding.payments.approve`, `.reject`,
 * `.pay`): it restates the request (amount, applied on, vouchers [ZZ §5.5]) and asks for the day —
 * and for a rejection the reason, which the service requires. A refusal lands next to the field it
 * names (`paidOn` before the approval, an empty `reason`); one that names no field of the dialog (the
 * request already decided by someone else: `PAYMENT_STATE_CONFLICT`) shows above the form, and nothing
 * changes until the server has said yes.
 */
export function PaymentDecision({
  payment,
  action,
  onClose,
  onDone,
}: {
  payment: PaymentRequest;
  action: PaymentAction;
  onClose: () => void;
  onDone: (after: PaymentRequest) => void;
}) {
  const { t, locale } = useI18n();
  const writes = usePaymentWrites();
  const [form] = Form.useForm<DecisionValues>();
  const [failure, setFailure] = useState<string[]>([]);
  const dayField = DAY_FIELD[action];
  const pending = writes.approve.isPending || writes.reject.isPending || writes.pay.isPending;

  const submit = async (values: DecisionValues) => {
    setFailure([]);
    try {
      const after =
        action === 'approve'
          ? await writes.approve.mutateAsync({ id: payment.id, approvedOn: values.on })
          : action === 'reject'
            ? await writes.reject.mutateAsync({
                id: payment.id,
                rejectedOn: values.on,
                reason: values.reason ?? '',
              })
            : await writes.pay.mutateAsync({ id: payment.id, paidOn: values.on });
      onDone(after);
    } catch (error) {
      const { fields, other } = serverFieldErrors(
        error,
        (p) => (p[0] === dayField ? ['on'] : p[0] === 'reason' && action === 'reject' ? ['reason'] : null),
        locale,
      );
      showOnForm(form, fields);
      setFailure(other);
    }
  };

  return (
    <Modal
      open
      title={t(`payments.confirm.${action}`, { id: payment.id })}
      okText={t(`payments.action.${action}`)}
      cancelText={t('payments.cancel')}
      okButtonProps={{ danger: action === 'reject' }}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'amount', label: t('payments.amount'), children: formatMoney(payment.amountFen, locale) },
          { key: 'applied', label: t('payments.appliedOn'), children: formatDate(payment.appliedOn, locale) },
          ...(payment.approvedOn
            ? [
                {
                  key: 'approved',
                  label: t('payments.approvedOn'),
                  children: formatDate(payment.approvedOn, locale),
                },
              ]
            : []),
          {
            key: 'vouchers',
            label: t('payments.vouchers'),
            children: payment.vouchers.map((v) => (
              <Tag key={`${v.kind}-${v.ref}`}>
                {t(`voucher.${v.kind}`)}：{v.ref}
              </Tag>
            )),
          },
        ]}
      />
      {action === 'pay' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('payments.payHint')} />
      )}
      {failure.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={failure.join('；')}
          data-testid="decision-error"
        />
      )}
      <Form<DecisionValues>
        form={form}
        name={`decision-${action}-${payment.id}`}
        layout="vertical"
        initialValues={{ on: chinaToday() }}
        onFinish={submit}
      >
        <Form.Item
          name="on"
          label={t(`payments.day.${action}`)}
          rules={[{ required: true, message: t('edit.required') }]}
        >
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        {action === 'reject' && (
          <Form.Item
            name="reason"
            label={t('payments.reason')}
            rules={[{ required: true, whitespace: true, message: t('payments.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
