// The catalogue's parts, served by vite-catalogues.ts from engine/i18n/locales/<locale>.json.
declare module 'catalogue:*' {
  const catalogue: Record<string, unknown>
  export default catalogue
}
