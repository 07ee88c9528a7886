import { UnitReports } from '@shegong/web';
import { useNavigate } from 'react-router';

const pathOf = (r: { unitRegionCode: string; id: string }) =>
  `/reports/${encodeURIComponent(r.unitRegionCode)}/${encodeURIComponent(r.id)}`;

/**
 * `/reports`: the county's quarterly reports to the city and province [ZZ §2, §5.6; PY §2.2], drafted
 * from the hub's data; a new draft opens at once for corrections and submission.
 */
export function CountyReportsPage() {
  const navigate = useNavigate();
  return <UnitReports pathOf={pathOf} onOpen={(r) => navigate(pathOf(r))} />;
}
