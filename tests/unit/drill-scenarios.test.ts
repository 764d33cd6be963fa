// The built-in scenarios: valid rows with the shape a tabletop drill needs.
import { describe, expect, it } from 'vitest'
import { scenarioSchema } from '../../src/domain/drill-model'
import { BUILTIN_SCENARIOS, findBuiltinScenario } from '../../src/templates/scenarios/index'

describe('built-in scenarios', () => {
  it('has at least four, with distinct ids', () => {
    expect(BUILTIN_SCENARIOS.length).toBeGreaterThanOrEqual(4)
    expect(new Set(BUILTIN_SCENARIOS.map((s) => s.id)).size).toBe(BUILTIN_SCENARIOS.length)
    expect(findBuiltinScenario('scenario-cloud-ddos')?.title).toMatch(/cloud/i)
  })

  it('covers the cloud DDoS, the faulty security update, the SaaS outage and ransomware', () => {
    const titles = BUILTIN_SCENARIOS.map((s) => `${s.title} ${s.summary}`.toLowerCase()).join('\n')
    for (const topic of [/cloud provider/, /security update/, /online service/, /ransomware/]) expect(titles).toMatch(topic)
  })

  for (const s of BUILTIN_SCENARIOS) {
    describe(s.title, () => {
      it('is a valid scenario row, marked built-in', () => {
        expect(scenarioSchema.safeParse(s).success).toBe(true)
        expect(s.updatedAt).toBeNull()
      })
      it('has objectives, plan kinds and hot-wash questions', () => {
        expect(s.objectives.length).toBeGreaterThanOrEqual(2)
        expect(s.planKinds.length).toBeGreaterThanOrEqual(1)
        expect(s.hotWash.length).toBeGreaterThanOrEqual(3)
        expect(s.summary.length).toBeGreaterThan(40)
      })
      it('has 5 to 8 injects at increasing times, each with 1 to 3 questions and expected steps', () => {
        expect(s.injects.length).toBeGreaterThanOrEqual(5)
        expect(s.injects.length).toBeLessThanOrEqual(8)
        expect(s.injects[0]?.offsetMinutes).toBe(0)
        s.injects.forEach((inject, i) => {
          const before = s.injects[i - 1]
          if (before) expect(inject.offsetMinutes).toBeGreaterThan(before.offsetMinutes)
          expect(inject.questions.length).toBeGreaterThanOrEqual(1)
          expect(inject.questions.length).toBeLessThanOrEqual(3)
          expect(inject.expectedSteps.length).toBeGreaterThanOrEqual(1)
          expect(inject.happens).not.toBe('')
          expect(inject.playersTold).not.toBe('')
        })
        expect(new Set(s.injects.map((i) => i.id)).size).toBe(s.injects.length)
      })
    })
  }
})
