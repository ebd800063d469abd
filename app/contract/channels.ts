/**
 * The channel names of the one contract. The preload, the IPC wrapper, the browser-mode server
 * and the renderer all derive their lists from this array; nobody keeps a second declaration.
 */
export const CHANNELS = [
  'app:info',
  'workspaces:list',
  'workspaces:create',
  'workspaces:open',
  'workspaces:rename',
  'workspaces:remove',
  'workspaces:restore',
  'workspaces:import',
  'workspace:get',
  'workspace:update',
  'workspace:backup',
  'workspace:backups',
  'workspace:backupTo',
  'audit:list',
  'workspace:restore',
  'fields:list',
  'fields:create',
  'fields:update',
  'fields:delete',
  'fields:bulkUpdate',
  'fields:bulkDelete',
  'fields:previewCsv',
  'fields:importCsv',
  'varieties:list',
  'varieties:create',
  'varieties:update',
  'varieties:importCsv',
  'groups:list',
  'groups:create',
  'plan:get',
  'scenarios:create',
  'scenarios:rename',
  'scenarios:delete',
  'scenarios:apply',
  'loans:list',
  'loans:create',
  'loans:update',
  'loans:delete',
  'assumptions:list',
  'assumptions:set',
  'assumptions:reset',
  'versions:list',
  'versions:get',
  'versions:freeze',
  'versions:diff',
  'versions:submit',
  'versions:comment',
  'versions:decide',
  'charter:get',
  'charter:set',
  'optimiser:toScenarios',
  'optimiser:getProblem',
  'optimiser:saveProblem',
  'actuals:list',
  'actuals:set',
  'actuals:previewCsv',
  'actuals:importCsv',
  'actuals:setScenario',
  'actuals:compare',
  'calibration:list',
  'calibration:accept',
  'exchange:export',
  'exchange:preview',
  'exchange:merge',
] as const

export type Channel = (typeof CHANNELS)[number]

/**
 * The channels the back-end host answers itself: they work with no workspace open, and they choose
 * which workspace is open. Every other channel runs on the open workspace's handlers.
 */
export const HOST_CHANNELS = [
  'app:info',
  'workspaces:list',
  'workspaces:create',
  'workspaces:open',
  'workspaces:rename',
  'workspaces:remove',
  'workspaces:restore',
  'workspaces:import',
] as const satisfies readonly Channel[]
export type HostChannel = (typeof HOST_CHANNELS)[number]
export type WorkspaceChannel = Exclude<Channel, HostChannel>

export function isHostChannel(channel: Channel): channel is HostChannel {
  return (HOST_CHANNELS as readonly string[]).includes(channel)
}

type CamelTail<S extends string> = S extends `${infer H}${infer T}` ? `${Uppercase<H>}${T}` : S
/** 'fields:list' → 'fieldsList': the name of the function the preload exposes. */
export type MethodName<C extends string> = C extends `${infer A}:${infer B}` ? `${A}${CamelTail<B>}` : C

export function methodName<C extends Channel>(channel: C): MethodName<C> {
  const [a, b = ''] = channel.split(':')
  return `${a}${b.charAt(0).toUpperCase()}${b.slice(1)}` as MethodName<C>
}

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value)
}
