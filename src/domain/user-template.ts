// Templates saved from a plan on this device ("Save as template"), shown beside the built-in ones.
import * as z from 'zod/mini'
import { LIMITS } from './limits'
import { fieldDefSchema, fieldValueSchema, idSchema, required, text, timestampSchema } from './model'
import type { PlanTemplate } from './template-model'
import { ITEM_KINDS, PHASES, PLAN_KINDS, SECTION_ROLES } from './vocabulary'

export const userTemplateSchema = z.strictObject({
  id: idSchema,
  version: z.int().check(z.gte(1)),
  kind: z.enum(PLAN_KINDS),
  title: required(LIMITS.title),
  summary: text(LIMITS.shortText),
  description: text(LIMITS.longText),
  reviewEveryDays: z.int().check(z.gte(1), z.lte(LIMITS.reviewEveryDaysMax)),
  sections: z.array(
    z.strictObject({
      title: required(LIMITS.title),
      guidance: text(LIMITS.longText),
      role: z.optional(z.enum(SECTION_ROLES)),
      fields: z.optional(z.array(fieldDefSchema).check(z.maxLength(LIMITS.fieldsPerSection))),
      items: z.array(
        z.strictObject({
          text: required(LIMITS.shortText),
          guidance: text(LIMITS.longText),
          values: z.optional(z.record(z.string().check(z.maxLength(64)), fieldValueSchema)),
          kind: z.optional(z.enum(ITEM_KINDS)),
          phase: z.optional(z.nullable(z.enum(PHASES))),
          role: z.optional(text(LIMITS.name)),
        }),
      ),
    }),
  ),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type UserTemplate = z.infer<typeof userTemplateSchema>

// A saved template is a plan template with timestamps: the New plan dialog treats both alike.
export const asPlanTemplate = (t: UserTemplate): PlanTemplate => t
