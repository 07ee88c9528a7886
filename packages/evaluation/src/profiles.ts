import { readdirSync, readFileSync } from 'node:fs';
import { formatPath } from '@shegong/kernel';
import { parse } from 'yaml';
import { EvaluationDataError, EvaluationNotFoundError } from './errors.ts';
import {
  type EvaluationProfile,
  type EvaluationProfileFile,
  EvaluationProfileFileSchema,
  EvaluationRulesSchema,
} from './profile-schema.ts';

const PROFILE_DIR = new URL('../data/profiles/', import.meta.url);
let profiles: Map<string, EvaluationProfile> | undefined;

function invalid(message: string): EvaluationDataError {
  return new EvaluationDataError('EVALUATION_PROFILE_INVALID', message);
}

function readProfileFiles(): Map<string, EvaluationProfileFile> {
  const files = new Map<string, EvaluationProfileFile>();
  for (const name of readdirSync(PROFILE_DIR)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const parsed = EvaluationProfileFileSchema.safeParse(
      parse(readFileSync(new URL(name, PROFILE_DIR), 'utf8')),
    );
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${formatPath(i.path) || '(root)'}: ${i.message}`);
      throw invalid(`data/profiles/${name}:\n${lines.join('\n')}`);
    }
    files.set(parsed.data.id, parsed.data);
  }
  return files;
}

function resolve(id: string, files: Map<string, EvaluationProfileFile>, seen: string[]): EvaluationProfile {
  const file = files.get(id);
  if (!file) throw new EvaluationNotFoundError('profile', id, [...files.keys()]);
  if (seen.includes(id)) throw invalid(`profiles extend each other in a cycle: ${[...seen, id].join(' → ')}`);
  const parent = file.extends === undefined ? undefined : resolve(file.extends, files, [...seen, id]);
  const rules = EvaluationRulesSchema.safeParse({ ...parent?.rules, ...file.rules });
  if (!rules.success) throw invalid(`profile ${id} leaves rules unset: ${rules.error.message}`);
  return {
    id,
    label: file.label,
    lineage: [id, ...(parent?.lineage ?? [])],
    regionCodes: file.regionCodes,
    documents: file.documents,
    rules: rules.data,
  };
}

/** Every evaluation profile (`data/profiles/*.yaml`), inheritance resolved, in id order. */
export function listEvaluationProfiles(): EvaluationProfile[] {
  if (!profiles) {
    const files = readProfileFiles();
    profiles = new Map([...files.keys()].sort().map((id) => [id, resolve(id, files, [])]));
  }
  return [...profiles.values()];
}

/**
 * @example getEvaluationProfile('WH').rules.renewal.minGrade // 'excellent'
 * @throws EvaluationNotFoundError `EVALUATION_PROFILE_NOT_FOUND` listing the known ids
 */
export function getEvaluationProfile(id: string): EvaluationProfile {
  const all = listEvaluationProfiles();
  const profile = all.find((p) => p.id === id);
  if (!profile)
    throw new EvaluationNotFoundError(
      'profile',
      id,
      all.map((p) => p.id),
    );
  return profile;
}

/**
 * The profile governing a region code (any spelling of 6 to 12 digits): its city's, else its province's.
 * @example evaluationProfileFor('410105001').id // 'ZZ'
 * @example evaluationProfileFor('410300').id    // 'HENAN' (Luoyang has no profile of its own)
 * @returns `undefined` when no profile covers the region
 */
export function evaluationProfileFor(regionCode: string): EvaluationProfile | undefined {
  const code = regionCode.slice(0, 6).padEnd(6, '0');
  const candidates = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`];
  const all = listEvaluationProfiles();
  for (const candidate of candidates) {
    const found = all.find((p) => p.regionCodes.includes(candidate));
    if (found) return found;
  }
  return undefined;
}
