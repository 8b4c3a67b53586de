import { describe, expect, it } from 'vitest';
import { allFieldPaths, lookupField, recordFields, recordSchema } from '../../../src/lib/core/records/index.ts';

describe('field tree derived from recordSchema', () => {
  it('has the root as an object at path ""', () => {
    expect(recordFields.path).toBe('');
    expect(recordFields.type.kind).toBe('object');
  });

  it('describes contracts as an array whose item carries the schema labels and units', () => {
    const contracts = lookupField(recordFields, 'achievements.contracts')!;
    expect(contracts.label).toBe('技术合同');
    expect(contracts.type.kind).toBe('array');
    if (contracts.type.kind !== 'array') return;
    const item = contracts.type.item;
    expect(item.path).toBe('achievements.contracts');
    const amount = lookupField(item, 'amount_yuan')!;
    const schemaAmount = recordSchema.properties!.achievements.properties!.contracts.items!.properties!.amount_yuan;
    expect(amount).toMatchObject({ path: 'achievements.contracts.amount_yuan', label: schemaAmount.title, unit: '元' });
    expect(amount.type).toEqual({ kind: 'integer' });
    expect(lookupField(item, 'signed_on')).toMatchObject({ label: '签订日期', type: { kind: 'date' } });
    expect(lookupField(item, 'role')!.type).toEqual({ kind: 'enum', values: ['lead', 'member'], labels: { lead: '主持', member: '参与' } });
  });

  it('resolves nested paths, steps through arrays and ignores indices', () => {
    expect(lookupField(recordFields, 'integrity.violations')!.type.kind).toBe('array');
    expect(lookupField(recordFields, 'achievements.platforms.level')!.type).toMatchObject({
      kind: 'enum',
      labels: { municipal: '市级' }
    });
    expect(lookupField(recordFields, 'achievements.contracts[2].amount_yuan')!.path).toBe('achievements.contracts.amount_yuan');
    expect(lookupField(recordFields, 'continuing_education.total_hours')).toMatchObject({ unit: '学时', type: { kind: 'number' } });
    expect(lookupField(recordFields, 'achievements.nope')).toBeUndefined();
    expect(lookupField(recordFields, 'id.length')).toBeUndefined();
    expect(lookupField(recordFields, 'constructor')).toBeUndefined();
  });

  it('marks current_title nullable and other fields not', () => {
    expect(lookupField(recordFields, 'current_title')).toMatchObject({ nullable: true, label: '现职称' });
    expect(lookupField(recordFields, 'current_title.level')!.nullable).toBe(false);
    expect(lookupField(recordFields, 'employment_status')!.type).toMatchObject({ labels: { in_service: '在职在岗' } });
  });

  it('lists every dotted path once', () => {
    const paths = allFieldPaths();
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('integrity.violations.ban_until');
    expect(paths).toContain('achievements.trainings.hours');
    expect(paths).not.toContain('');
    for (const path of paths) expect(lookupField(recordFields, path)?.path, path).toBe(path);
  });
});
