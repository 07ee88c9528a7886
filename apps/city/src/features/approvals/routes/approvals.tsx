import { ApprovalQueue } from '@shegong/web';

/** `/approvals`: the counties' submitted reports awaiting the city's review [ZZ §2, §5.6]. */
export function ApprovalsPage() {
  return (
    <ApprovalQueue
      pathOf={(r) => `/approvals/${encodeURIComponent(r.unitRegionCode)}/${encodeURIComponent(r.id)}`}
    />
  );
}
