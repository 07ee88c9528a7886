import { UnitReports } from '@shegong/web';
import { useNavigate } from 'react-router';

const pathOf = (r: { unitRegionCode: string; id: string }) =>
  `/reports/${encodeURIComponent(r.unitRegionCode)}/${encodeURIComponent(r.id)}`;

/** `/reports`: the city's own half-year reports to the province [ZZ §2, §5.6], drafted from the data. */
export function CityReportsPage() {
  const navigate = useNavigate();
  return <UnitReports pathOf={pathOf} onOpen={(r) => navigate(pathOf(r))} />;
}
