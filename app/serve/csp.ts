/**
 * The Content-Security-Policy of every page we serve (app:// in the desktop app, http in browser
 * mode). 'wasm-unsafe-eval' is for the HiGHS solver; styles allow inline because antd injects
 * its CSS at run time. Scripts never run inline or from eval.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
