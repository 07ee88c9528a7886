/** The published catalogs and plan targets, bundled at build time by `reference-data.ts`'s plugin. */
declare module 'virtual:city-reference' {
  const reference: import('./reference-data.ts').CityReference;
  export default reference;
}
