// The few web-standard globals the engine may use; they exist in browsers, workers and Node alike.
// (engine/ has no DOM or Node types on purpose.)
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean })
  decode(input?: Uint8Array): string
}
declare const performance: { now(): number }
