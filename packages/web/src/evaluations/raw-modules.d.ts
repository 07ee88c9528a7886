/** Vite's `?raw` import: the file's text, inlined at build time (a published scheme, see `scheme.ts`). */
declare module '*.yaml?raw' {
  const text: string;
  export default text;
}
