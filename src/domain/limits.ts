// Input limits shared by validation, the editor's inputs (maxLength) and the import checks.

export const LIMITS = {
  title: 200,
  name: 120,
  shortText: 500,
  longText: 20_000,
  fieldLabel: 80,
  fieldOptions: 50,
  fieldsPerSection: 40,
  linksPerField: 100,
  reviewEveryDaysMax: 3650,
  numberMax: 1e12,
  /** A duration field holds minutes; ten years is plenty for an RTO or MTPD. */
  durationMaxMinutes: 10 * 365 * 24 * 60,
} as const
