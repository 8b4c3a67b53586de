// The hand-built pair of versions (test/fixtures/impact/old.std → new.std) and applicants built for it.
// The edits: A 500万元 → 400万元; B removed; D added; G2 removed; minimum score 20分 → 25分.
import { readFileSync } from 'node:fs';
import { compile, type Bundle } from '../../../src/lib/core/index.ts';

export function bundleOf(path: string, text = readFileSync(path, 'utf8')): Bundle {
  const r = compile([{ path, text }]);
  if (!r.bundle) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.bundle;
}

export const OLD = 'test/fixtures/impact/old.std';
export const NEW = 'test/fixtures/impact/new.std';

interface Spec {
  id: string;
  retired?: boolean;
  contracts?: number[];
  lectureHours?: number;
  services?: number;
}

const yearly = (y: number) => ({ year: y, total_hours: 90, professional_hours: 60 });

export function applicant(s: Spec) {
  return {
    id: s.id, name: `申请人${s.id}`, target_level: '助理研究员', employment_status: 'in_service', work_region_code: '330106',
    is_civil_servant: false, is_retired: s.retired ?? false,
    integrity: { blacklisted: false, violations: [] },
    education: [{ degree: 'bachelor', awarded_on: '2015-06-30' }],
    current_title: null,
    annual_assessments: [2023, 2024, 2025].map((year) => ({ year, result: 'competent' })),
    continuing_education: [2023, 2024, 2025].map(yearly),
    achievements: {
      contracts: (s.contracts ?? []).map((yuan, i) => ({ registration_no: `${s.id}-HT${i + 1}`, kind: 'development', signed_on: '2024-01-01', amount_yuan: yuan, role: 'lead' })),
      transformations: [],
      enterprise_services: Array.from({ length: s.services ?? 0 }, (_, i) => ({ enterprise: `企业${i + 1}`, served_on: '2024-05-01' })),
      platforms: [],
      awards: [],
      trainings: s.lectureHours ? [{ title: '培训', held_on: '2024-03-01', hours: s.lectureHours, role: 'lecturer' }] : []
    }
  };
}

export const W = 10_000; // 1万元 in 元
