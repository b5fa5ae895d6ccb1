declare module 'id-validator' {
  export default class IDValidator {
    constructor(gb2260?: unknown);
    isValid(id: string): boolean;
    makeID(isFifteen?: boolean): string;
  }
}
