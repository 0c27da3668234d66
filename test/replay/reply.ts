/** A fake endpoint's answer other than a plain 200 JSON body. */
export class Reply {
  constructor(
    readonly status: number,
    readonly json: unknown,
  ) {}
}
