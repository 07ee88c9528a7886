import { Descriptions, Space, Tag } from 'antd';
import { useI18n } from '../i18n.tsx';
import type { Station } from './api.ts';

/** The station's rooms, areas and equipment as registered [ZZ §4.2]. */
export function StationFacilities({ facilities }: { facilities: Station['facilities'] }) {
  const { t } = useI18n();
  const area = (m2: number | undefined) =>
    m2 === undefined ? t('station.none') : t('station.m2', { n: m2 });
  const list = (items: readonly string[], label: (s: string) => string) =>
    items.length === 0 ? (
      t('station.none')
    ) : (
      <Space size={[4, 4]} wrap>
        {items.map((item) => (
          <Tag key={item}>{label(item)}</Tag>
        ))}
      </Space>
    );
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        { key: 'office', label: t('station.officeM2'), children: area(facilities.officeM2) },
        { key: 'activity', label: t('station.activityM2'), children: area(facilities.activityM2) },
        { key: 'rooms', label: t('station.rooms'), children: list(facilities.rooms, (r) => t(`room.${r}`)) },
        { key: 'equipment', label: t('station.equipment'), children: list(facilities.equipment, (e) => e) },
      ]}
    />
  );
}
