/**
 * Top-level catalogue keys that only screens loaded on demand show (the board, its pack, the
 * optimiser, harvest and calibration, plan files), and the command line's, which the window never shows. The
 * first screen's JavaScript is built without them (DESIGN §6: 1.2 MB); they arrive with the first
 * such screen. A key here that a first-load component reads would show as a raw key:
 * test/unit/catalogue-parts.test.ts checks that no file outside these screens names one.
 */
export const SCREEN_NAMESPACES = ['board', 'pack', 'optimiser', 'harvest', 'exchange', 'cli'] as const

/** The screens (renderer/src/features/<dir>) that may read the namespaces above. */
export const SCREEN_NAMESPACE_DIRS = ['board', 'board-pack', 'optimiser', 'harvest', 'exchange'] as const
