// Test data: a small template with a typed-field section, with overrides.
import type { PlanTemplate } from '../../src/domain/template-model'

export function makeTemplate(overrides: Partial<PlanTemplate> = {}): PlanTemplate {
  return {
    id: 'test-template',
    version: 1,
    kind: 'continuity',
    title: 'Test continuity plan',
    summary: 'A small plan for tests',
    description: 'Used by tests.',
    reviewEveryDays: 90,
    sections: [
      {
        title: 'Preparation',
        guidance: 'Get ready.',
        items: [
          { text: 'Name an incident lead', guidance: 'A named person and a deputy.' },
          { text: 'Keep a printed copy', guidance: 'In the office safe.' },
          { text: 'Agree severity levels', guidance: 'Three levels, written down.' },
        ],
      },
      {
        title: 'Business impact analysis',
        guidance: 'Per function.',
        fields: [
          { id: 'rto', label: 'RTO', type: 'duration' },
          { id: 'impact', label: 'Impact', type: 'select', options: ['Low', 'High'] },
        ],
        items: [{ text: 'Take orders', guidance: 'Targets set.', values: { rto: 240, impact: 'High' } }],
      },
    ],
    ...overrides,
  }
}
