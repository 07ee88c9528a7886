import { formatDate, type Locale } from '../format.ts';
import type { Finding, Station, StationWorker } from '../stations/api.ts';
import type { ExportColumn } from './export-button.tsx';

type T = (key: string, vars?: Record<string, string | number>) => string;

/**
 * The station table's columns as a sheet holds them: codes and names in separate columns (a sheet is
 * filtered and joined on codes), labels in the reader's language.
 */
export function stationExportColumns(t: T, regionNames: Map<string, string>): ExportColumn<Station>[] {
  return [
    { title: t('station.id'), value: (s) => s.id },
    { title: t('stations.name'), value: (s) => s.name },
    { title: t('stations.township'), value: (s) => regionNames.get(s.regionCode) ?? '' },
    { title: t('excel.regionCode'), value: (s) => s.regionCode },
    { title: t('stations.type'), value: (s) => t(`type.${s.type}`) },
    { title: t('stations.status'), value: (s) => t(`status.${s.status}`) },
    { title: t('stations.signage'), value: (s) => s.signageName },
  ];
}

/** A station's resident workers as the server masked them: ID numbers and phones stay masked in the file. */
export function workerExportColumns(t: T, locale: Locale): ExportColumn<StationWorker>[] {
  return [
    { title: t('workers.name'), value: (w) => w.name },
    { title: t('workers.role'), value: (w) => t(`workers.role.${w.role}`) },
    { title: t('workers.fullTime'), value: (w) => t(w.fullTime ? 'workers.yes' : 'workers.no') },
    { title: t('workers.idNumber'), value: (w) => w.idNumberMasked },
    { title: t('workers.phone'), value: (w) => w.phoneMasked ?? '' },
    { title: t('workers.appointedOn'), value: (w) => formatDate(w.appointedOn, locale) },
    { title: t('workers.education'), value: (w) => t(`education.${w.education}`) },
    {
      title: t('workers.certificate'),
      value: (w) => t(w.certificate ? `certificate.${w.certificate.level}` : 'certificate.none'),
    },
  ];
}

/** A station's staffing findings with their rule and clause. */
export function findingExportColumns(t: T, locale: Locale): ExportColumn<Finding>[] {
  return [
    { title: t('compliance.severity'), value: (f) => t(`severity.${f.severity}`) },
    { title: t('compliance.message'), value: (f) => (locale === 'en' ? f.message.en : f.message.zh) },
    { title: t('compliance.rule'), value: (f) => f.ruleId },
    { title: t('compliance.citation'), value: (f) => f.citation },
  ];
}
