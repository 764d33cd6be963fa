// The error a rejected write throws: one message per problem. Free of zod, so screens can test for it cheaply.

export class ValidationError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(problems.join('; '))
    this.name = 'ValidationError'
    this.problems = problems
  }
}
