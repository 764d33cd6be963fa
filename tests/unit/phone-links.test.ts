import { describe, expect, it } from 'vitest'
import { phoneParts } from '../../src/domain/phone-links'

describe('phone numbers in what people wrote', () => {
  it('makes each number dialable and keeps the words around them', () => {
    const text = 'Mobile +44 7700 900123, out of hours (020) 7946-0958 ext. 12'
    const parts = phoneParts(text)
    expect(parts.map((p) => p.text).join('')).toBe(text)
    expect(parts.filter((p) => p.tel).map((p) => p.tel)).toEqual(['tel:+447700900123', 'tel:02079460958'])
    expect(parts.at(-1)).toEqual({ text: ' ext. 12', tel: null })
  })

  it('leaves text without a number as words', () => {
    expect(phoneParts('ask reception')).toEqual([{ text: 'ask reception', tel: null }])
    expect(phoneParts('')).toEqual([])
    expect(phoneParts('ext 12')).toEqual([{ text: 'ext 12', tel: null }])
  })
})
