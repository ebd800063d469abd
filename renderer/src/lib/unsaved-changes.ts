import { App } from 'antd'
import { useCallback, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Unsaved edits are never thrown away without asking: closing a form, or leaving its screen with
 * the browser's Back (or any other change of address), asks "有未保存的修改，确定放弃吗？" first.
 *
 * Leaving is caught at `popstate`, which the browser fires before `hashchange` (the event the shell
 * routes on): the address is put back at once, so the shell stays on the screen with the edit,
 * and the user is asked. Agreeing goes on to where they were going.
 */
type Guard = { ask: (onDiscard: () => void) => void }

const dirtyGuards = new Set<Guard>()
/** The address the unsaved edit lives at, while there is one. */
let guardedUrl: string | null = null
let asking = false
let installed = false

function onPopState() {
  const guard = [...dirtyGuards].at(-1)
  if (!guard || guardedUrl === null) return
  const target = window.location.href
  if (target === guardedUrl) return
  window.history.pushState(window.history.state, '', guardedUrl)
  if (asking) return
  guard.ask(() => {
    dirtyGuards.clear()
    guardedUrl = null
    window.location.replace(target)
  })
}

function install() {
  if (installed) return
  installed = true
  window.addEventListener('popstate', onPopState)
}

/** Plain values compared regardless of key order; undefined and null are the same "empty". */
export function sameValues(a: unknown, b: unknown): boolean {
  const stable = (v: unknown): unknown => {
    if (v === undefined || v === null) return null
    if (Array.isArray(v)) return v.map(stable)
    if (typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, stable((v as Record<string, unknown>)[k])]),
      )
    return v
  }
  return JSON.stringify(stable(a)) === JSON.stringify(stable(b))
}

/**
 * Guards a form with unsaved edits while `dirty` is true. Returns `confirmDiscard(close)`: it runs
 * `close` at once when nothing is unsaved, and otherwise only after the user agrees to discard.
 */
export function useUnsavedChanges(dirty: boolean): (close: () => void) => void {
  const { modal } = App.useApp()
  const { t } = useTranslation()
  const dirtyRef = useRef(dirty)
  dirtyRef.current = dirty

  const ask = useCallback(
    (onDiscard: () => void) => {
      if (asking) return
      asking = true
      modal.confirm({
        title: t('unsaved.title'),
        content: t('unsaved.body'),
        okText: t('unsaved.discard'),
        cancelText: t('unsaved.keep'),
        okButtonProps: { danger: true, 'data-testid': 'discard-changes' },
        cancelButtonProps: { 'data-testid': 'keep-editing' },
        onOk: () => {
          asking = false
          onDiscard()
        },
        onCancel: () => {
          asking = false
        },
      })
    },
    [modal, t],
  )

  useEffect(() => {
    if (!dirty) return
    const guard: Guard = { ask }
    if (dirtyGuards.size === 0) guardedUrl = window.location.href
    dirtyGuards.add(guard)
    install()
    return () => {
      dirtyGuards.delete(guard)
      if (dirtyGuards.size === 0) guardedUrl = null
    }
  }, [dirty, ask])

  return useCallback(
    (close: () => void) => {
      if (!dirtyRef.current) close()
      else ask(close)
    },
    [ask],
  )
}
