import { readdirSync, readFileSync } from 'node:fs';
import { DomainError } from '@shegong/kernel';
import { parentChain } from '@shegong/regions';
import { parse } from 'yaml';
import {
  type PolicyProfile,
  type PolicyProfileFile,
  PolicyProfileFileSchema,
  StaffingRulesSchema,
} from './profile-schema.ts';

const PROFILE_DIR = new URL('../data/profiles/', import.meta.url);
let profiles: Map<string, PolicyProfile> | undefined;

function readProfileFiles(): Map<string, PolicyProfileFile> {
  const files = new Map<string, PolicyProfileFile>();
  for (const name of readdirSync(PROFILE_DIR)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const parsed = PolicyProfileFileSchema.safeParse(parse(readFileSync(new URL(name, PROFILE_DIR), 'utf8')));
    if (!parsed.success) {
      throw new DomainError('PROFILE_INVALID', `data/profiles/${name}: ${parsed.error.message}`);
    }
    files.set(parsed.data.id, parsed.data);
  }
  return files;
}

function resolve(id: string, files: Map<string, PolicyProfileFile>, seen: string[] = []): PolicyProfile {
  const file = files.get(id);
  if (!file) throw new DomainError('PROFILE_NOT_FOUND', `no staffing profile "${id}"`, { details: { id } });
  if (seen.includes(id)) {
    throw new DomainError(
      'PROFILE_INVALID',
      `profiles extend each other in a cycle: ${[...seen, id].join(' → ')}`,
    );
  }
  const parent = file.extends === undefined ? undefined : resolve(file.extends, files, [...seen, id]);
  const rules = StaffingRulesSchema.safeParse({ ...parent?.rules, ...file.rules });
  if (!rules.success) {
    throw new DomainError('PROFILE_INVALID', `profile ${id} leaves rules unset: ${rules.error.message}`);
  }
  return {
    id,
    label: file.label,
    lineage: [id, ...(parent?.lineage ?? [])],
    regionCodes: file.regionCodes,
    documents: file.documents,
    rules: rules.data,
  };
}

/** Every staffing profile (`data/profiles/*.yaml`), inheritance resolved. */
export function listProfiles(): PolicyProfile[] {
  if (!profiles) {
    const files = readProfileFiles();
    profiles = new Map([...files.keys()].map((id) => [id, resolve(id, files)]));
  }
  return [...profiles.values()];
}

/** @throws DomainError `PROFILE_NOT_FOUND` naming the id */
export function getProfile(id: string): PolicyProfile {
  const profile = listProfiles().find((p) => p.id === id);
  if (!profile)
    throw new DomainError('PROFILE_NOT_FOUND', `no staffing profile "${id}"`, { details: { id } });
  return profile;
}

/**
 * The profile governing a region: the one whose `regionCodes` names the region or its nearest ancestor
 * (a Zhengzhou township → ZZ; a Luoyang township → HENAN).
 * @throws DomainError `PROFILE_NOT_FOUND` when no profile covers the region
 */
export function profileFor(regionCode: string): PolicyProfile {
  const all = listProfiles();
  for (const region of parentChain(regionCode)) {
    const found = all.find((p) => p.regionCodes.includes(region.code));
    if (found) return found;
  }
  throw new DomainError('PROFILE_NOT_FOUND', `no staffing profile covers region ${regionCode}`, {
    details: { regionCode },
  });
}
