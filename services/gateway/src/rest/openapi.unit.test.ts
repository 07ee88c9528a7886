import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.ts';

describe('the OpenAPI document', () => {
  const document = openApiDocument();

  it('is OpenAPI 3.1 with every endpoint of the REST API', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths ?? {}).sort()).toEqual([
      '/evaluations',
      '/evaluations/cadence',
      '/operators',
      '/regions/{code}/plan-progress',
      '/regions/{code}/report-completeness',
      '/regions/{code}/summary',
      '/regions/{code}/talent',
      '/renewals',
      '/reports',
      '/reports/{unitRegionCode}/{reportId}',
      '/reports/{unitRegionCode}/{reportId}/accept',
      '/reports/{unitRegionCode}/{reportId}/approve',
      '/reports/{unitRegionCode}/{reportId}/corrections',
      '/reports/{unitRegionCode}/{reportId}/export',
      '/reports/{unitRegionCode}/{reportId}/return',
      '/reports/{unitRegionCode}/{reportId}/submit',
      '/reports/{unitRegionCode}/{reportId}/unlock',
      '/service-records',
      '/stations',
      '/workers',
    ]);
  });

  it('is generated from the contract schemas, with problem+json errors and the idempotency header', () => {
    const schemas = document.components?.schemas ?? {};
    for (const id of [
      'Station',
      'Worker',
      'Operator',
      'ServiceRecord',
      'IngestResult',
      'RegionSummary',
      'Problem',
    ])
      expect(Object.keys(schemas), id).toContain(id);
    const post = document.paths?.['/service-records']?.post;
    expect(JSON.stringify(post?.parameters)).toContain('idempotency-key');
    expect(Object.keys(post?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '409']));
    expect(JSON.stringify(post?.responses?.['400'])).toContain('application/problem+json');
    // The ID-number check of WorkerInput is a refinement: the document still says the field is required.
    expect(JSON.stringify(schemas.WorkersBatchRequest ?? schemas.WorkerInput)).toContain('idNumber');
  });
});
